/** Wiring: the only place where Spring meets the domain and the use cases. */
package com.dbay.wallet.config;
