package com.dbay.lambda.blockchainbroadcaster;

import com.dbay.lambda.support.NotYetImplemented;

/** The Dogecoin network side. Broadcasting the same signed transaction again is harmless (same txid). */
public interface Broadcaster {

    /** @return the transaction id */
    String broadcast(String rawTransactionHex);

    int confirmations(String txid);

    static Broadcaster notYetImplemented() {
        return new Broadcaster() {
            public String broadcast(String rawTransactionHex) {
                throw new NotYetImplemented("blockchain-broadcaster", "broadcasting transactions", "the wallet issue");
            }

            public int confirmations(String txid) {
                throw new NotYetImplemented("blockchain-broadcaster", "counting confirmations", "the wallet issue");
            }
        };
    }
}
