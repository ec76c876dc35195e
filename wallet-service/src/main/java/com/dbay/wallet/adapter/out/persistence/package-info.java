/**
 * PostgreSQL adapters of the ports out, in plain JDBC: the ledger's hot paths are a few exact
 * statements.
 */
package com.dbay.wallet.adapter.out.persistence;
