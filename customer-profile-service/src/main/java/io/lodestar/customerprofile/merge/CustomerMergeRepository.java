package io.lodestar.customerprofile.merge;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CustomerMergeRepository implements PanacheRepositoryBase<CustomerMerge, String> {
}
