/**
 * What integration tests share: the addresses of the real stores, read from the environment
 * contract.
 */
package com.dbay.platform.test;
