/** Who may call the service's internal endpoints. */
package com.dbay.search.internal;
