package dev.erpgraph.crm;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Backs {@code Query.failingField} (test schema only): fails the way a bug would, with internals in the
 * message, to prove that none of it reaches the client.
 */
@Controller
class FailingFieldController {

    @QueryMapping
    String failingField() {
        throw new IllegalStateException("select secret from accounts where password = 'hunter2'");
    }
}
