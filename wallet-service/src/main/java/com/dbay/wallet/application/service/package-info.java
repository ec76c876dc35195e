/** The wallet's use cases (ports in): each public method is one atomic, idempotent operation. */
package com.dbay.wallet.application.service;
