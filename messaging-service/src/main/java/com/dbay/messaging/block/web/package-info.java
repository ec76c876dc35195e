/** The HTTP adapter of blocks: {@code /api/v1/messaging/blocks}. */
package com.dbay.messaging.block.web;
