/**
 * Conversations: private threads between a buyer and a seller about a listing (later an order),
 * their messages, unread counts, the live {@code message} frame and the {@code MessageSent} event.
 */
package com.dbay.messaging.conversation;
