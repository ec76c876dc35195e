-- Best Offer (#14) on fixed-price listings: whether the listing takes offers, and the seller's secret
-- automatic answers (koinu; auto-decline < auto-accept < price, checked by ListingForm and here).
alter table listing add column accepts_offers boolean not null default false;
alter table listing add column auto_accept_price bigint check (auto_accept_price > 0);
alter table listing add column auto_decline_price bigint check (auto_decline_price > 0);
alter table listing add constraint listing_best_offer_fixed
  check ((not accepts_offers and auto_accept_price is null and auto_decline_price is null)
         or (accepts_offers and format = 'FIXED'));
alter table listing add constraint listing_best_offer_order
  check (auto_accept_price is null or auto_decline_price is null or auto_decline_price < auto_accept_price);
