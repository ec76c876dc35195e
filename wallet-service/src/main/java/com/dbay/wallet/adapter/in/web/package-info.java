/**
 * HTTP adapters: the public wallet API (through the gateway), the admin API, and the internal API
 * for services and workflows.
 */
package com.dbay.wallet.adapter.in.web;
