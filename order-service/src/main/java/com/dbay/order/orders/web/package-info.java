/** HTTP adapters of orders: the public buyer/seller API and the internal creation endpoint. */
package com.dbay.order.orders.web;
