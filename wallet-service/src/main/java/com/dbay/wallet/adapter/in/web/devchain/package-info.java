/** The local dev chain's faucet for the web app; present only where ./dbay up runs the dev node. */
package com.dbay.wallet.adapter.in.web.devchain;
