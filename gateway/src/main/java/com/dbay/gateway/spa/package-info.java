/** Serving the built single-page app (with history fallback) or a placeholder. */
package com.dbay.gateway.spa;
