/** Settings every service shares (actuator, probes, structured logs), at the lowest precedence. */
package com.dbay.platform.starter.defaults;
