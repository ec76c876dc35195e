package com.dbay.user.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface Users extends JpaRepository<User, UUID> {

  Optional<User> findByEmail(String email);

  Optional<User> findByUsername(String username);

  Optional<User> findByCognitoSub(String cognitoSub);

  boolean existsByEmail(String email);

  boolean existsByUsername(String username);

  Page<User> findAllByOrderByCreatedAtAsc(Pageable pageable);

  default Optional<User> findById(UserId id) {
    return findById(id.value());
  }
}
