/** order-service's calls to wallet-service: escrows and holds, for orders, offers and disputes. */
package com.dbay.order.wallet;
