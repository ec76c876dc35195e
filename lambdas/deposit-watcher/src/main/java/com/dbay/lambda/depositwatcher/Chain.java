package com.dbay.lambda.depositwatcher;

import com.dbay.lambda.support.NotYetImplemented;
import java.util.Map;

/** The wallet side: follow the chain tip (by height and hash, surviving restarts) and judge deposits. */
public interface Chain {

    /** Follows new blocks up to the tip; returns what it saw (height, hash, new deposits). */
    Map<String, Object> followTip();

    /** The confirmation state of one deposit: {"confirmations", "required", "status": PENDING|CONFIRMED|DROPPED}. */
    Map<String, Object> confirmations(String depositId);

    static Chain notYetImplemented() {
        return new Chain() {
            public Map<String, Object> followTip() {
                throw new NotYetImplemented("deposit-watcher", "following the Dogecoin chain", "the wallet issue");
            }

            public Map<String, Object> confirmations(String depositId) {
                throw new NotYetImplemented("deposit-confirmations", "checking deposit confirmations", "the wallet issue");
            }
        };
    }
}
