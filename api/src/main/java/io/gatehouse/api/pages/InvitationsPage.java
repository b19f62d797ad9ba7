package io.gatehouse.api.pages;

import java.util.List;

/** The invitations addressed to the signed-in person's email, each with an accept button. Rendered by invitations.jte. */
public record InvitationsPage(List<Row> invitations, String joined, FieldError error, String csrf) {

    public record Row(String id, String workspace, String role, String invitedBy, String expiresAt) {
    }
}
