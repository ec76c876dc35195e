/** An OpenSearch client (opensearch-java over Apache HttpClient 5) and its health indicator. */
package com.dbay.platform.starter.opensearch;
