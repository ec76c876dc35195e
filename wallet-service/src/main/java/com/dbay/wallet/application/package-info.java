/**
 * Use cases of the wallet (ports in) and what they need from the outside world (ports out, in
 * {@code port.out}).
 */
package com.dbay.wallet.application;
