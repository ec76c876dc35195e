package com.dbay.dogecoin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;

class LowRSignerTest {

  @Test
  void everySignatureHasALowRALowSAndVerifies() {
    ECKey key = ECKey.fromPrivate(Sha256Hash.hash("low r".getBytes()));
    int sameAsPlainRfc6979 = 0;
    for (int i = 0; i < 200; i++) {
      Sha256Hash msg = Sha256Hash.of(ByteBuffer.allocate(4).putInt(i).array());
      ECKey.ECDSASignature sig = LowRSigner.sign(msg, key);
      assertThat(sig.r).isLessThan(BigInteger.ONE.shiftLeft(255));
      assertThat(sig.isCanonical()).isTrue();
      assertThat(key.verify(msg, sig)).isTrue();
      assertThat(sig.encodeToDER().length).isLessThanOrEqualTo(70);
      ECKey.ECDSASignature plain = key.sign(msg);
      if (plain.r.compareTo(BigInteger.ONE.shiftLeft(255)) < 0) {
        // the first attempt is plain RFC 6979, the same nonce bitcoinj (and Core) use
        assertThat(sig).isEqualTo(plain);
        sameAsPlainRfc6979++;
      }
    }
    assertThat(sameAsPlainRfc6979).isBetween(60, 140);
  }
}
