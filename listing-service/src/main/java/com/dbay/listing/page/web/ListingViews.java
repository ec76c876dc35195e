package com.dbay.listing.page.web;

import com.dbay.listing.category.Category;
import com.dbay.listing.category.CategoryCatalog;
import com.dbay.listing.listing.Listing;
import com.dbay.listing.listing.ListingContent;
import com.dbay.listing.listing.ListingFormat;
import com.dbay.listing.photo.Photo;
import com.dbay.listing.photo.PhotoService;
import com.dbay.listing.photo.web.PhotoView;
import com.dbay.listing.question.QuestionService;
import com.dbay.listing.question.web.QuestionView;
import com.dbay.listing.watch.WatchService;
import com.dbay.platform.identity.Identity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts a listing's page together from the features: the listing, its photos, questions and
 * watchers.
 */
@Component
public class ListingViews {

  private final CategoryCatalog categories;
  private final PhotoService photos;
  private final QuestionService questions;
  private final WatchService watches;

  ListingViews(
      CategoryCatalog categories,
      PhotoService photos,
      QuestionService questions,
      WatchService watches) {
    this.categories = categories;
    this.photos = photos;
    this.questions = questions;
    this.watches = watches;
  }

  public ListingView page(Listing l, Identity viewer) {
    boolean seller = viewer != null && l.isSeller(viewer.userId());
    ListingContent c = l.content();
    List<ListingView.CategoryStep> path = new ArrayList<>();
    Optional<Category> category = categories.find(c.categoryId());
    category.ifPresent(
        cat -> {
          for (int i = 0; i < cat.path().size(); i++) {
            path.add(new ListingView.CategoryStep(cat.path().get(i), cat.pathNames().get(i)));
          }
        });
    List<PhotoView> photoViews =
        photos.ofListing(l.id()).stream()
            .filter(p -> seller || p.status() == Photo.Status.READY)
            .map(p -> PhotoView.of(p, photos.variantSizes()))
            .toList();
    String thumbnail =
        photoViews.stream()
            .filter(p -> p.urls() != null)
            .findFirst()
            .map(p -> p.urls().get("300"))
            .orElse(null);
    boolean fixed = c.format() == ListingFormat.FIXED;
    Duration d = c.duration();
    boolean wholeDays = d.toMinutes() % (24 * 60) == 0;
    return new ListingView(
        l.id().toString(),
        l.sellerId(),
        l.sellerName(),
        c.title(),
        c.description(),
        c.condition().json(),
        c.categoryId(),
        path,
        c.format().json(),
        l.status().json(),
        l.currentPrice(),
        c.startPrice(),
        seller ? c.reservePrice() : null,
        fixed ? null : c.buyItNowPrice(),
        c.quantity(),
        fixed ? c.quantity() - l.quantitySold() : null,
        wholeDays ? d.toDays() : null,
        wholeDays ? null : d.toMinutes(),
        c.scheduledStart(),
        l.startsAt(),
        l.endsAt(),
        l.endedAt(),
        c.itemSpecifics(),
        c.shipping().stream().map(s -> new ListingView.Shipping(s.service(), s.cost())).toList(),
        c.shipsTo(),
        photoViews,
        thumbnail,
        l.bidCount(),
        l.hasBids(),
        watches.watchers(l.id()),
        viewer == null || viewer.userId().isBlank()
            ? null
            : watches.isWatching(l.id(), viewer.userId()),
        seller ? l.views() : null,
        questions.of(l, viewer).stream().map(QuestionView::of).toList(),
        l.createdAt(),
        l.updatedAt(),
        l.version(),
        fixed ? c.bestOffer() != null : null,
        seller && c.bestOffer() != null ? c.bestOffer().autoAccept() : null,
        seller && c.bestOffer() != null ? c.bestOffer().autoDecline() : null);
  }

  /** Rows for a list; {@code forSeller} adds views and unanswered questions. */
  public List<ListingSummary> summaries(List<Listing> listings, boolean forSeller) {
    List<UUID> ids = listings.stream().map(Listing::id).toList();
    Map<UUID, Integer> watchers = watches.watchers(ids);
    Map<UUID, Integer> waiting = forSeller ? questions.waiting(ids) : Map.of();
    return listings.stream()
        .map(
            l ->
                new ListingSummary(
                    l.id().toString(),
                    l.content().title(),
                    l.status().json(),
                    l.content().format().json(),
                    l.currentPrice(),
                    l.bidCount(),
                    l.startsAt(),
                    l.endsAt(),
                    photos.thumbnailUrl(l.id()),
                    watchers.getOrDefault(l.id(), 0),
                    forSeller ? l.views() : null,
                    forSeller ? waiting.getOrDefault(l.id(), 0) : null,
                    l.createdAt()))
        .toList();
  }
}
