-- docker-compose: one database per service, as ./dbay up creates them.
CREATE DATABASE dbay_gateway;
CREATE DATABASE dbay_user;
CREATE DATABASE dbay_listing;
CREATE DATABASE dbay_auction;
CREATE DATABASE dbay_wallet;
CREATE DATABASE dbay_order;
CREATE DATABASE dbay_notification;
CREATE DATABASE dbay_search;
CREATE DATABASE dbay_messaging;
CREATE DATABASE dbay_serverless;
