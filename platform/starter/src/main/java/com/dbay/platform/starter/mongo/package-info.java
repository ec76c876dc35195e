/**
 * The MongoDB health check every Mongo-compatible server answers (MongoDB, DocumentDB, the local
 * wire server).
 */
package com.dbay.platform.starter.mongo;
