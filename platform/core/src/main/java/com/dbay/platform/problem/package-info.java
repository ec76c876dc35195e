/**
 * RFC 9457 problem types shared by every service, and the exception a service throws to produce
 * one.
 */
package com.dbay.platform.problem;
