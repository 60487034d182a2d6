package org.engagementledger.sample.scenario;

import org.engagementledger.api.Actor;
import org.engagementledger.api.Party;
import org.engagementledger.api.Role;

import java.util.List;
import java.util.Optional;

/**
 * The fictional organisations and people of the demo. Every actor is a role in an organisation, not a
 * real person; the same actors are the dashboard's demo users, so that an evaluator who signs in as
 * {@code northvale-buyer} acts exactly as the demo's procurement lead did.
 *
 * <p>The passwords are for evaluation only: they are published in the README and on the login page.
 */
public final class Cast {

    public static final Party NORTHVALE = Party.of("municipality-northvale", "Municipality of Northvale");
    public static final Party BRIGHTPATH = Party.of("brightpath-consulting", "BrightPath Consulting");
    public static final Party EASTMOOR = Party.of("region-eastmoor", "Region of Eastmoor");
    public static final Party MERIDIAN = Party.of("meridian-advisory", "Meridian Advisory");
    public static final String AUDIT_OFFICE = "national-audit-office";

    public static final DemoUser NORTHVALE_BUYER = user("northvale-buyer", Role.AGENCY_BUYER, NORTHVALE.id(),
            "Procurement lead, Employment Services, Municipality of Northvale");
    public static final DemoUser NORTHVALE_STAFF = user("northvale-staff", Role.AGENCY_STAFF, NORTHVALE.id(),
            "Caseworker team lead, Employment Services, Municipality of Northvale");
    public static final DemoUser BRIGHTPATH_CONSULTANT = user("brightpath-consultant", Role.CONSULTANT, BRIGHTPATH.id(),
            "Lead consultant, BrightPath Consulting");
    public static final DemoUser EASTMOOR_BUYER = user("eastmoor-buyer", Role.AGENCY_BUYER, EASTMOOR.id(),
            "Head of procurement, Benefits Office, Region of Eastmoor");
    public static final DemoUser EASTMOOR_STAFF = user("eastmoor-staff", Role.AGENCY_STAFF, EASTMOOR.id(),
            "Analytics unit lead, Benefits Office, Region of Eastmoor");
    public static final DemoUser MERIDIAN_CONSULTANT = user("meridian-consultant", Role.CONSULTANT, MERIDIAN.id(),
            "Engagement partner, Meridian Advisory");
    public static final DemoUser AUDITOR = user("auditor", Role.AUDITOR, AUDIT_OFFICE,
            "Performance auditor, National Audit Office");

    /** Every demo user, one per role and organisation; the password of each is its user name. */
    public static final List<DemoUser> USERS = List.of(NORTHVALE_BUYER, NORTHVALE_STAFF, BRIGHTPATH_CONSULTANT,
            EASTMOOR_BUYER, EASTMOOR_STAFF, MERIDIAN_CONSULTANT, AUDITOR);

    private Cast() {
    }

    /** The demo user with this name. */
    public static Optional<DemoUser> user(String username) {
        return USERS.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    private static DemoUser user(String username, Role role, String organisation, String description) {
        return new DemoUser(Actor.of(username, role, organisation), username, description);
    }

    /**
     * A demo user: the actor they act as, their published password and what they stand for.
     *
     * @param password published on purpose; never reuse the idea outside an evaluation
     */
    public record DemoUser(Actor actor, String password, String description) {

        public String username() {
            return actor.id();
        }
    }
}
