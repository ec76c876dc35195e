/** The browsers' WebSocket endpoint {@code /ws} (DESIGN "Real time"). */
package com.dbay.gateway.realtime;
