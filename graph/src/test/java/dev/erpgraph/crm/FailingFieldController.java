package dev.erpgraph.crm;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Backs {@code Query.failingField} (test schema only): fails the way a bug would, with
 * internals in the message, to prove that none of it reaches the client; and
 * {@code Query.emptyNonNullField}, a server-side gap in a non-null field.
 */
@Controller
class FailingFieldController {

    @QueryMapping
    String failingField() {
        throw new IllegalStateException("select secret from accounts where password = 'hunter2'");
    }

    @QueryMapping
    String emptyNonNullField() {
        return null;
    }

}
