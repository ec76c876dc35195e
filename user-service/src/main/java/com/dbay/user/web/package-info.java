/** Problem+json answers shared by the web adapters of this service. */
package com.dbay.user.web;
