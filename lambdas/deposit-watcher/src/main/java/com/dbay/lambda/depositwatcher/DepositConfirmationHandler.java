package com.dbay.lambda.depositwatcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** DepositConfirmationWorkflow's CheckConfirmations task: {"depositId"} → {"confirmations", "required", "status"}. */
public class DepositConfirmationHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Chain chain;

    public DepositConfirmationHandler() {
        this(Chain.notYetImplemented());
    }

    public DepositConfirmationHandler(Chain chain) {
        this.chain = chain;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object depositId = input == null ? null : input.get("depositId");
        if (!(depositId instanceof String id) || id.isBlank()) {
            throw new IllegalArgumentException("depositId is required");
        }
        return chain.confirmations(id);
    }
}
