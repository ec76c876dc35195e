/**
 * The wallet's domain: money in koinu, balanced postings, holds, escrows, deposits, withdrawals.
 * Plain Java, no Spring.
 */
package com.dbay.wallet.domain;
