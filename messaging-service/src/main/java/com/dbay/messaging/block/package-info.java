/** Blocks: a user refuses messages from another (both directions of a thread stop). */
package com.dbay.messaging.block;
