package com.dbay.user;

import com.dbay.platform.test.architecture.ServiceArchitectureTest;

/** DBay's dependency rules (platform/test's ArchitectureRules) over this service's classes. */
class ArchitectureTest extends ServiceArchitectureTest {}
