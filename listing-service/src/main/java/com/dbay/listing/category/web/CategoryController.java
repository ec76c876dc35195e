package com.dbay.listing.category.web;

import com.dbay.listing.category.Category;
import com.dbay.listing.category.CategoryCatalog;
import com.dbay.listing.category.CategoryNode;
import com.dbay.listing.category.ItemSpecific;
import com.dbay.listing.shared.Refusal;
import com.dbay.platform.identity.Identity;
import com.dbay.platform.starter.identity.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/listing/categories")
class CategoryController {

  record Tree(List<CategoryNode> categories) {}

  record ReplaceSpecifics(List<ItemSpecific> specifics) {}

  private final CategoryCatalog catalog;

  CategoryController(CategoryCatalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping({"", "/"})
  Tree tree() {
    return new Tree(catalog.tree());
  }

  /** One category with its place in the tree and its whole item-specifics form. */
  @GetMapping("/{id}")
  Category one(@PathVariable long id) {
    return catalog.get(id);
  }

  @PutMapping("/{id}/specifics")
  Category replaceSpecifics(
      @PathVariable long id, @RequestBody ReplaceSpecifics body, @CurrentUser Identity user) {
    if (!user.isAdmin()) {
      throw Refusal.notAllowed("Only admins change category forms.");
    }
    return catalog.replaceSpecifics(id, body.specifics() == null ? List.of() : body.specifics());
  }
}
