package com.dbay.wallet.application.service;

import com.dbay.platform.money.Doge;
import com.dbay.wallet.application.port.out.DepositAddresses;
import com.dbay.wallet.application.port.out.Deposits;
import com.dbay.wallet.application.port.out.Escrows;
import com.dbay.wallet.application.port.out.Holds;
import com.dbay.wallet.application.port.out.IdempotencyStore;
import com.dbay.wallet.application.port.out.Ledger;
import com.dbay.wallet.application.port.out.UnitOfWork;
import com.dbay.wallet.application.port.out.Withdrawals;
import com.dbay.wallet.domain.AccountId;
import com.dbay.wallet.domain.AccountKind;
import com.dbay.wallet.domain.AuditReport;
import com.dbay.wallet.domain.Balances;
import com.dbay.wallet.domain.Deposit;
import com.dbay.wallet.domain.DepositAddress;
import com.dbay.wallet.domain.DepositId;
import com.dbay.wallet.domain.Entry;
import com.dbay.wallet.domain.Escrow;
import com.dbay.wallet.domain.Hold;
import com.dbay.wallet.domain.Posting;
import com.dbay.wallet.domain.StatementLine;
import com.dbay.wallet.domain.UserId;
import com.dbay.wallet.domain.WalletException;
import com.dbay.wallet.domain.Withdrawal;
import com.dbay.wallet.domain.WithdrawalId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every store port in memory, with real all-or-nothing units of work (state is copied before the
 * work and restored when it throws), so the use cases can be tested without a database. Objects are
 * stored as copies, like rows: changing one without saving it changes nothing.
 */
final class InMemoryWallet
    implements UnitOfWork,
        IdempotencyStore,
        Ledger,
        Holds,
        Escrows,
        Withdrawals,
        Deposits,
        DepositAddresses {

  private static final class State {
    Map<AccountId, Long> balances = new HashMap<>();
    List<Posting> postings = new ArrayList<>();
    Map<String, Object[]> operations = new HashMap<>();
    Map<String, Hold> holds = new HashMap<>();
    Map<String, Escrow> escrows = new HashMap<>();
    Map<WithdrawalId, Withdrawal> withdrawals = new HashMap<>();
    Map<DepositId, Deposit> deposits = new HashMap<>();
    Map<UserId, DepositAddress> addresses = new HashMap<>();
    List<Object> published = new ArrayList<>();
    long nextIndex;

    State copy() {
      State c = new State();
      c.balances = new HashMap<>(balances);
      c.postings = new ArrayList<>(postings);
      c.operations = new HashMap<>(operations);
      c.holds = new HashMap<>(holds);
      c.escrows = new HashMap<>(escrows);
      c.withdrawals = new HashMap<>(withdrawals);
      c.deposits = new HashMap<>(deposits);
      c.addresses = new HashMap<>(addresses);
      c.published = new ArrayList<>(published);
      c.nextIndex = nextIndex;
      return c;
    }
  }

  private State state = new State();

  @Override
  public synchronized <T> T inTransaction(Supplier<T> work) {
    State before = state.copy();
    try {
      return work.get();
    } catch (RuntimeException e) {
      state = before;
      throw e;
    }
  }

  @Override
  public <R> Optional<R> claim(String caller, String key, String fingerprint, Class<R> resultType) {
    Object[] stored = state.operations.get(caller + "\u0000" + key);
    if (stored == null) {
      state.operations.put(caller + "\u0000" + key, new Object[] {fingerprint, null});
      return Optional.empty();
    }
    if (!stored[0].equals(fingerprint)) {
      throw new WalletException.IdempotencyKeyReused();
    }
    return Optional.of(resultType.cast(stored[1]));
  }

  @Override
  public <R> Optional<R> claim(
      String caller, String key, String fingerprint, Class<R> resultType, R resultIfFirst) {
    Optional<R> first = claim(caller, key, fingerprint, resultType);
    if (first.isEmpty()) {
      remember(caller, key, resultIfFirst);
    }
    return first;
  }

  @Override
  public void remember(String caller, String key, Object result) {
    state.operations.get(caller + "\u0000" + key)[1] = result;
  }

  // Ledger

  @Override
  public long post(Posting posting, String caller) {
    for (Entry entry : posting.entries()) {
      long after = state.balances.getOrDefault(entry.account(), 0L) + entry.amount();
      if (after < 0 && !entry.account().kind().mayBeNegative()) {
        throw new WalletException.InsufficientFunds(entry.account());
      }
      state.balances.put(entry.account(), after);
    }
    state.postings.add(posting);
    return state.postings.size();
  }

  @Override
  public Balances balances(UserId user) {
    return new Balances(
        balance(AccountId.user(user, AccountKind.AVAILABLE)),
        balance(AccountId.user(user, AccountKind.HELD)),
        balance(AccountId.user(user, AccountKind.ESCROW)));
  }

  Doge balance(AccountId account) {
    return new Doge(state.balances.getOrDefault(account, 0L));
  }

  List<Posting> postings() {
    return List.copyOf(state.postings);
  }

  @Override
  public List<StatementLine> statement(UserId user, Long beforeEntryId, int limit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public AuditReport audit() {
    long sum =
        state.postings.stream().flatMap(p -> p.entries().stream()).mapToLong(Entry::amount).sum();
    List<String> problems = new ArrayList<>();
    Map<AccountId, Long> fromEntries = new HashMap<>();
    state.postings.forEach(
        p -> p.entries().forEach(e -> fromEntries.merge(e.account(), e.amount(), Long::sum)));
    state.balances.forEach(
        (account, balance) -> {
          if (balance.longValue() != fromEntries.getOrDefault(account, 0L).longValue()) {
            problems.add(account + " snapshot differs from its entries");
          }
          if (balance < 0 && !account.kind().mayBeNegative()) {
            problems.add(account + " is negative");
          }
        });
    return new AuditReport(
        state.balances.size(), state.postings.size(), fromEntries.size(), sum, problems);
  }

  // Holds

  private static String holdKey(UserId user, String reference) {
    return user.value() + "\u0000" + reference;
  }

  private static Hold copy(Hold h) {
    return new Hold(h.user(), h.reference(), h.amount(), h.status());
  }

  private Hold lockOrCreate(UserId user, String reference) {
    return copy(
        state.holds.computeIfAbsent(holdKey(user, reference), k -> Hold.none(user, reference)));
  }

  @Override
  public Hold replaceAmount(UserId user, String reference, Doge amount) {
    Hold before = lockOrCreate(user, reference);
    if (before.status() == Hold.Status.OPEN) {
      state.holds.put(
          holdKey(user, reference), new Hold(user, reference, amount, Hold.Status.OPEN));
    }
    return before;
  }

  @Override
  public Optional<Hold> lock(UserId user, String reference) {
    return find(user, reference);
  }

  @Override
  public Optional<Hold> find(UserId user, String reference) {
    return Optional.ofNullable(state.holds.get(holdKey(user, reference))).map(InMemoryWallet::copy);
  }

  @Override
  public void save(Hold hold) {
    state.holds.put(holdKey(hold.user(), hold.reference()), copy(hold));
  }

  // Escrows

  private static Escrow copy(Escrow e) {
    return new Escrow(
        e.orderId(),
        e.buyer(),
        e.seller(),
        e.amount(),
        e.status(),
        e.buyerRefund(),
        e.sellerPayout(),
        e.fee());
  }

  @Override
  public boolean insert(Escrow escrow) {
    return state.escrows.putIfAbsent(escrow.orderId(), copy(escrow)) == null;
  }

  @Override
  public Optional<Escrow> lock(String orderId) {
    return find(orderId);
  }

  @Override
  public Optional<Escrow> find(String orderId) {
    return Optional.ofNullable(state.escrows.get(orderId)).map(InMemoryWallet::copy);
  }

  @Override
  public void save(Escrow escrow) {
    state.escrows.put(escrow.orderId(), copy(escrow));
  }

  // Withdrawals

  private static Withdrawal copy(Withdrawal w) {
    return Withdrawal.restore(
        w.id(),
        w.user(),
        w.address(),
        w.amount(),
        w.feeReserve(),
        w.requestedAt(),
        w.status(),
        w.txid(),
        w.rawTransaction(),
        w.networkFee(),
        w.rejectionReason(),
        w.plan());
  }

  @Override
  public void lockUser(UserId user) {}

  @Override
  public Doge requestedOn(UserId user, LocalDate day) {
    return new Doge(
        state.withdrawals.values().stream()
            .filter(
                w ->
                    w.user().equals(user)
                        && w.status() != Withdrawal.Status.REJECTED
                        && LocalDate.ofInstant(w.requestedAt(), ZoneOffset.UTC).equals(day))
            .mapToLong(w -> w.amount().koinu())
            .sum());
  }

  @Override
  public void insert(Withdrawal withdrawal) {
    state.withdrawals.put(withdrawal.id(), copy(withdrawal));
    state.published.addAll(withdrawal.pullEvents());
  }

  @Override
  public Optional<Withdrawal> find(WithdrawalId id) {
    return Optional.ofNullable(state.withdrawals.get(id)).map(InMemoryWallet::copy);
  }

  @Override
  public Optional<Withdrawal> lock(WithdrawalId id) {
    return find(id);
  }

  @Override
  public void save(Withdrawal withdrawal) {
    // as JdbcWithdrawals: a stored signed transaction or plan is never replaced by another
    Withdrawal stored = state.withdrawals.get(withdrawal.id());
    if (stored != null
        && stored.rawTransaction() != null
        && !stored.rawTransaction().equals(withdrawal.rawTransaction())) {
      throw new IllegalStateException(
          "withdrawal " + withdrawal.id() + " changed its signed transaction meanwhile; not saved");
    }
    Withdrawal copy = copy(withdrawal);
    if (stored != null && stored.plan() != null) {
      copy =
          Withdrawal.restore(
              copy.id(),
              copy.user(),
              copy.address(),
              copy.amount(),
              copy.feeReserve(),
              copy.requestedAt(),
              copy.status(),
              copy.txid(),
              copy.rawTransaction(),
              copy.networkFee(),
              copy.rejectionReason(),
              stored.plan());
    }
    state.withdrawals.put(withdrawal.id(), copy);
    state.published.addAll(withdrawal.pullEvents());
  }

  /**
   * The events saved aggregates handed over (the outbox's rows, in order); rolled back with their
   * unit of work.
   */
  synchronized List<Object> published() {
    return List.copyOf(state.published);
  }

  synchronized void forgetPublished() {
    state.published.clear();
  }

  @Override
  public List<WithdrawalId> withStatus(Withdrawal.Status status, int limit) {
    return state.withdrawals.values().stream()
        .filter(w -> w.status() == status)
        .map(Withdrawal::id)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Withdrawal> requestedBy(UserId user, int limit) {
    return state.withdrawals.values().stream()
        .filter(w -> w.user().equals(user))
        .sorted(java.util.Comparator.comparing(Withdrawal::requestedAt).reversed())
        .limit(limit)
        .toList();
  }

  // Deposits

  private static Deposit copy(Deposit d) {
    return new Deposit(
        d.id(),
        d.user(),
        d.address(),
        d.amount(),
        d.requiredConfirmations(),
        d.confirmations(),
        d.status(),
        d.blockHash(),
        d.blockHeight());
  }

  @Override
  public boolean insert(Deposit deposit) {
    return state.deposits.putIfAbsent(deposit.id(), copy(deposit)) == null;
  }

  @Override
  public Optional<Deposit> lock(DepositId id) {
    return find(id);
  }

  @Override
  public Optional<Deposit> find(DepositId id) {
    return Optional.ofNullable(state.deposits.get(id)).map(InMemoryWallet::copy);
  }

  @Override
  public void save(Deposit deposit) {
    state.deposits.put(deposit.id(), copy(deposit));
  }

  @Override
  public List<Deposit> pending() {
    return state.deposits.values().stream()
        .filter(d -> d.status() == Deposit.Status.PENDING)
        .map(InMemoryWallet::copy)
        .toList();
  }

  @Override
  public List<Deposit> ofUser(UserId user, int limit) {
    return state.deposits.values().stream()
        .filter(d -> d.user().equals(user))
        .map(InMemoryWallet::copy)
        .limit(limit)
        .toList();
  }

  @Override
  public Doge pendingTotal(UserId user) {
    return new Doge(
        state.deposits.values().stream()
            .filter(d -> d.user().equals(user) && d.status() == Deposit.Status.PENDING)
            .mapToLong(d -> d.amount().koinu())
            .sum());
  }

  // Deposit addresses

  @Override
  public Optional<DepositAddress> find(UserId user) {
    return Optional.ofNullable(state.addresses.get(user));
  }

  @Override
  public Optional<DepositAddress> findByAddress(String address) {
    return state.addresses.values().stream().filter(a -> a.address().equals(address)).findFirst();
  }

  @Override
  public long nextIndex() {
    return state.nextIndex++;
  }

  @Override
  public boolean insert(DepositAddress address) {
    return state.addresses.putIfAbsent(address.user(), address) == null;
  }
}
