/**
 * Internal endpoints that name their calling parts ({@code @InternalApi}), the verification of
 * signed calls, and signing for RestClient.
 */
package com.dbay.platform.starter.servicecall;
