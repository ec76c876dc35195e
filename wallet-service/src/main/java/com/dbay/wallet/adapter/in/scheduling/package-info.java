/**
 * Timers that drive use cases in the one-machine setup (in AWS the same steps run as Lambda
 * handlers).
 */
package com.dbay.wallet.adapter.in.scheduling;
