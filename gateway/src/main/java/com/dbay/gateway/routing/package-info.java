/** Routes from {@code /api/v1/<service>/**} to the services, and their OpenAPI documents. */
package com.dbay.gateway.routing;
