/** The HTTP adapter of conversations: {@code /api/v1/messaging/threads}, {@code /unread}. */
package com.dbay.messaging.conversation.web;
