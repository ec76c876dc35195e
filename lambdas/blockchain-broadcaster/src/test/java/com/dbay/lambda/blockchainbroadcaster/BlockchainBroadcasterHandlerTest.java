package com.dbay.lambda.blockchainbroadcaster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.dbay.dogecoin.DecodedTransaction;
import com.dbay.dogecoin.DogecoinNetwork;
import com.dbay.dogecoin.HdSigner;
import com.dbay.dogecoin.TransactionCodec;
import com.dbay.platform.money.Doge;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BlockchainBroadcasterHandlerTest {

  private static final String PHRASE =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  private static final String ID = "9b2f6c1e-4a7d-4e0b-8f3a-2c5d7e9f1a3b";
  private static HdSigner keys;

  @BeforeAll
  static void seed() {
    keys = HdSigner.fromMnemonic(PHRASE, "", DogecoinNetwork.REGTEST);
  }

  @AfterAll
  static void wipe() {
    keys.close();
  }

  private final List<String> sent = new ArrayList<>();

  private final Broadcaster network =
      new Broadcaster() {
        public String broadcast(String raw) {
          sent.add(raw);
          return "txid-of-" + raw;
        }

        public long confirmations(String txid) {
          return 4;
        }
      };

  /**
   * The wallet's side as its internal API answers: a stored plan, then the first accepted
   * signature.
   */
  private final class Wallet implements WithdrawalWallet {
    final List<String> calls = new ArrayList<>();
    Map<String, Object> withdrawal;
    boolean conflictOnSignature;

    Wallet(String answer) {
      withdrawal = json(answer);
    }

    public Map<String, Object> plan(String withdrawalId) {
      calls.add("plan " + withdrawalId);
      return new LinkedHashMap<>(withdrawal);
    }

    public Map<String, Object> recordSignature(String withdrawalId, String rawTransaction) {
      calls.add("signature " + withdrawalId);
      if (conflictOnSignature) {
        throw new Conflict("wallet answered 409: withdrawal-signed");
      }
      withdrawal.put("status", "SIGNED");
      withdrawal.put(
          "txid", TransactionCodec.decode(rawTransaction, DogecoinNetwork.REGTEST).txid());
      withdrawal.put("rawTransaction", rawTransaction);
      return new LinkedHashMap<>(withdrawal);
    }

    public Map<String, Object> settle(String withdrawalId, int confirmations) {
      calls.add("settle " + withdrawalId + " " + confirmations);
      return Map.of("id", withdrawalId, "status", "COMPLETED", "networkFee", "0.00225000");
    }

    public Map<String, Object> flagStuck(String withdrawalId, int unconfirmedPolls) {
      calls.add("stuck " + withdrawalId + " " + unconfirmedPolls);
      return Map.of("id", withdrawalId, "status", "STUCK");
    }
  }

  private int signatures;

  private final WithdrawalSigner countingSigner =
      plan -> {
        signatures++;
        return keys.signAsPlanned(plan);
      };

  private BlockchainBroadcasterHandler handler(Wallet wallet) {
    return new BlockchainBroadcasterHandler(
        network,
        wallet,
        countingSigner,
        new BlockchainBroadcasterHandler.Settings(5, 60, DogecoinNetwork.REGTEST));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> task(String file) {
    return EventLoader.loadEvent(file, HashMap.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String resource) {
    try (InputStream in =
        BlockchainBroadcasterHandlerTest.class.getClassLoader().getResourceAsStream(resource)) {
      return JsonMapper.builder().build().readValue(in, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void sign_signs_exactly_the_wallets_plan_with_its_own_seed_and_returns_what_the_wallet_stored() {
    Wallet wallet = new Wallet("wallet/planned.json");

    var result = handler(wallet).handleRequest(task("events/sign.json"), null);

    assertThat(result)
        .containsEntry("signedBy", "blockchain-broadcaster")
        .containsEntry("pollSeconds", 5)
        .containsEntry("stuckAfterPolls", 60)
        .containsEntry("withdrawalId", ID);
    assertThat(wallet.calls).containsExactly("plan " + ID, "signature " + ID);
    DecodedTransaction tx =
        TransactionCodec.decode((String) result.get("rawTransaction"), DogecoinNetwork.REGTEST);
    assertThat(result.get("txid")).isEqualTo(tx.txid());
    assertThat(tx.inputs())
        .singleElement()
        .satisfies(
            in -> {
              assertThat(in.prevTxid())
                  .isEqualTo("5c2d8a0e6f1b4c3d9e7a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e");
              assertThat(in.prevVout()).isEqualTo(1);
            });
    assertThat(tx.outputs())
        .extracting(o -> o.address().toBase58(), DecodedTransaction.Output::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "mkz4vgSmWWV9Y5T7C5fwv441fmqrzjjaMc", Doge.parse("120").koinu()),
            org.assertj.core.groups.Tuple.tuple(
                "mhoVw8zmRcZjxG7Zg4GhwQPBrsFrPDRJdh", Doge.parse("379.99775").koinu()));
    assertThat(tx.size())
        .as("the planned size, so the planned fee is exactly 0.01 DOGE/kB")
        .isEqualTo(225);
    assertThat(sent).isEmpty();
  }

  @Test
  void a_retry_after_the_wallet_kept_the_signature_returns_the_same_bytes_and_signs_nothing() {
    Wallet wallet = new Wallet("wallet/planned.json");
    var first = handler(wallet).handleRequest(task("events/sign.json"), null);
    var again = handler(wallet).handleRequest(task("events/sign.json"), null);

    assertThat(again.get("rawTransaction")).isEqualTo(first.get("rawTransaction"));
    assertThat(again.get("txid")).isEqualTo(first.get("txid"));
    assertThat(signatures).isEqualTo(1);
    assertThat(wallet.calls).containsExactly("plan " + ID, "signature " + ID, "plan " + ID);
  }

  @Test
  void when_the_wallet_already_holds_another_signature_that_one_is_returned() {
    Wallet wallet = new Wallet("wallet/planned.json");
    wallet.conflictOnSignature = true;
    WithdrawalWallet storedElsewhere =
        new WithdrawalWallet() {
          int plans;

          public Map<String, Object> plan(String id) {
            Map<String, Object> answer = wallet.plan(id);
            if (plans++ > 0) {
              answer.put("status", "SIGNED");
              answer.put("txid", "ab".repeat(32));
              answer.put("rawTransaction", "0100000001abcdef");
            }
            return answer;
          }

          public Map<String, Object> recordSignature(String id, String raw) {
            return wallet.recordSignature(id, raw);
          }

          public Map<String, Object> settle(String id, int confirmations) {
            throw new AssertionError();
          }

          public Map<String, Object> flagStuck(String id, int polls) {
            throw new AssertionError();
          }
        };
    var result =
        new BlockchainBroadcasterHandler(
                network,
                storedElsewhere,
                countingSigner,
                new BlockchainBroadcasterHandler.Settings(5, 60, DogecoinNetwork.REGTEST))
            .handleRequest(task("events/sign.json"), null);

    assertThat(result)
        .containsEntry("rawTransaction", "0100000001abcdef")
        .containsEntry("txid", "ab".repeat(32));
  }

  @Test
  void a_withdrawal_waiting_for_an_admin_has_no_plan_and_fails_the_sign_step_without_signing() {
    Wallet wallet = new Wallet("wallet/awaiting-approval.json");
    assertThatThrownBy(() -> handler(wallet).handleRequest(task("events/sign.json"), null))
        .hasMessageContaining("PENDING_APPROVAL");
    assertThat(signatures).isZero();
    assertThat(wallet.calls).containsExactly("plan " + ID);
  }

  @Test
  @SuppressWarnings("unchecked")
  void a_plan_spending_a_coin_the_seed_does_not_own_is_not_signed() {
    Wallet wallet = new Wallet("wallet/planned.json");
    Map<String, Object> input =
        ((List<Map<String, Object>>)
                ((Map<String, Object>) wallet.withdrawal.get("plan")).get("inputs"))
            .getFirst();
    input.put("address", "n3jS4RHHMbAyv64oiwXtUm88jDtLbGL5AU"); // another seed's m/44'/3'/0'/0/0
    assertThatThrownBy(() -> handler(wallet).handleRequest(task("events/sign.json"), null))
        .hasMessageContaining("derives");
    assertThat(wallet.calls).containsExactly("plan " + ID);
  }

  @Test
  void the_seed_is_read_only_when_something_is_signed_and_a_missing_one_fails_clearly() {
    Wallet wallet = new Wallet("wallet/planned.json");
    int[] reads = {0};
    WithdrawalSigner lazy =
        WithdrawalSigner.fromSeed(
            () -> {
              reads[0]++;
              return SeedSource.load(
                  Map.of(),
                  id -> {
                    throw new AssertionError();
                  });
            },
            DogecoinNetwork.REGTEST);
    BlockchainBroadcasterHandler noSeed =
        new BlockchainBroadcasterHandler(
            network,
            wallet,
            lazy,
            new BlockchainBroadcasterHandler.Settings(5, 60, DogecoinNetwork.REGTEST));

    assertThat(noSeed.handleRequest(task("events/confirmations.json"), null))
        .containsEntry("confirmations", 4L);
    assertThat(reads[0]).isZero();
    assertThatThrownBy(() -> noSeed.handleRequest(task("events/sign.json"), null))
        .hasMessageContaining("DBAY_WALLET_SEED_SECRET_ID");
    assertThat(lazy.toString()).doesNotContain("abandon");
  }

  @Test
  void broadcasts_exactly_the_signed_bytes_it_is_given_every_time() {
    Wallet wallet = new Wallet("wallet/planned.json");
    handler(wallet).handleRequest(task("events/broadcast.json"), null);
    var again = handler(wallet).handleRequest(task("events/broadcast.json"), null);

    assertThat(again)
        .containsEntry("txid", "txid-of-0100000001abcdef")
        .containsEntry("withdrawalId", "W-7");
    assertThat(sent).containsExactly("0100000001abcdef", "0100000001abcdef");
    assertThat(wallet.calls).isEmpty();
  }

  @Test
  void refuses_a_transaction_that_is_not_hex_and_an_unknown_action() {
    BlockchainBroadcasterHandler handler = handler(new Wallet("wallet/planned.json"));
    Map<String, Object> input = task("events/broadcast.json");
    input.put("rawTransaction", "not hex");
    assertThatThrownBy(() -> handler.handleRequest(input, null)).hasMessageContaining("hex");
    assertThatThrownBy(() -> handler.handleRequest(Map.of("action", "resign"), null))
        .hasMessageContaining("resign");
    assertThat(sent).isEmpty();
  }

  @Test
  void reports_confirmations() {
    assertThat(
            handler(new Wallet("wallet/planned.json"))
                .handleRequest(task("events/confirmations.json"), null))
        .containsEntry("confirmations", 4L);
  }

  @Test
  void stuck_asks_the_wallet_to_flag_the_withdrawal_with_the_polls_seen_at_zero() {
    Wallet wallet = new Wallet("wallet/planned.json");
    assertThat(handler(wallet).handleRequest(task("events/stuck.json"), null))
        .containsEntry("status", "STUCK")
        .containsEntry("withdrawalId", ID);
    assertThat(wallet.calls).containsExactly("stuck " + ID + " 60");
    assertThat(signatures).isZero();
    assertThat(sent).isEmpty();
  }

  @Test
  void settle_asks_the_wallet_with_the_confirmations_it_needs() {
    Wallet wallet = new Wallet("wallet/planned.json");
    assertThat(handler(wallet).handleRequest(task("events/settle.json"), null))
        .containsEntry("status", "COMPLETED");
    assertThat(wallet.calls).containsExactly("settle " + ID + " 6");
  }
}
