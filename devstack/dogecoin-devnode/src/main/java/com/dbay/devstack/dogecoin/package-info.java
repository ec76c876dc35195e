/** A local Dogecoin chain that speaks the subset of Dogecoin Core JSON-RPC the wallet uses. */
package com.dbay.devstack.dogecoin;
