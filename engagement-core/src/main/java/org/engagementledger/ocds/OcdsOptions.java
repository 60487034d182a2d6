package org.engagementledger.ocds;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How an engagement is published as OCDS. {@link #defaults()} gives a complete, deterministic export;
 * a host that publishes for real sets at least its registered ocid prefix, its name as publisher and
 * the base URI under which it serves the packages.
 *
 * @param ocidPrefix             the publisher's registered OCDS prefix (e.g. {@code ocds-213czf}), used only for
 *                               engagements without a procurement reference: ocid = prefix + "-" + engagement id
 * @param publisherName          the package publisher's name; {@code null} publishes under the buyer's name (the
 *                               agency publishing its own contracting data)
 * @param packageBaseUri         the base URI of published packages; a package's {@code uri} is this base resolved
 *                               against {@code <ocid>-release-package.json} or {@code <ocid>-record-package.json}.
 *                               {@code null} gives a non-dereferenceable {@code urn:engagement-ledger:ocds:...} URI
 * @param zone                   the zone in which the ledger's calendar days (period, contract signature, due
 *                               dates) become OCDS date-times: start of day, or 23:59:59 for end dates
 * @param publishedDate          the packages' {@code publishedDate}; {@code null} uses the date of the latest
 *                               release, as OCDS asks of packages generated on demand (and keeps exports
 *                               reproducible)
 * @param partyIdentifierScheme  an org-id scheme (e.g. {@code SE-ORG}) under which the parties' ids are organisation
 *                               identifiers; {@code null} leaves {@code parties[].identifier.scheme} out
 * @param extensionUrl           where the host publishes the ledger extension's {@code extension.json}; listed in
 *                               the packages' {@code extensions} when given
 * @param includeActors          whether the extension names who recorded each fact (actor id, role, organisation);
 *                               a public release may leave people's ids out
 * @param embedReleases          whether a record embeds its releases (true) or links to them in the release
 *                               package by URL and fragment (false)
 */
public record OcdsOptions(
        String ocidPrefix,
        String publisherName,
        URI packageBaseUri,
        ZoneId zone,
        Instant publishedDate,
        String partyIdentifierScheme,
        URI extensionUrl,
        boolean includeActors,
        boolean embedReleases) {

    /** The documented placeholder prefix for engagements without a procurement reference. */
    public static final String DEFAULT_OCID_PREFIX = "ocds-ledger";

    private static final Pattern PREFIX = Pattern.compile("ocds-[A-Za-z0-9]+");

    public OcdsOptions {
        Objects.requireNonNull(ocidPrefix, "ocidPrefix must not be null");
        if (!PREFIX.matcher(ocidPrefix).matches()) {
            throw new IllegalArgumentException("ocidPrefix must look like 'ocds-213czf', was '" + ocidPrefix + "'");
        }
        Objects.requireNonNull(zone, "zone must not be null");
        if (publisherName != null && publisherName.isBlank()) {
            throw new IllegalArgumentException("publisherName must not be blank");
        }
        if (packageBaseUri != null && !packageBaseUri.isAbsolute()) {
            throw new IllegalArgumentException("packageBaseUri must be absolute, was " + packageBaseUri);
        }
        if (extensionUrl != null && !extensionUrl.isAbsolute()) {
            throw new IllegalArgumentException("extensionUrl must be absolute, was " + extensionUrl);
        }
    }

    /** Placeholder prefix, buyer as publisher, URN package ids, UTC, actors named, releases embedded in records. */
    public static OcdsOptions defaults() {
        return new OcdsOptions(DEFAULT_OCID_PREFIX, null, null, ZoneOffset.UTC, null, null, null, true, true);
    }

    public OcdsOptions withOcidPrefix(String prefix) {
        return new OcdsOptions(prefix, publisherName, packageBaseUri, zone, publishedDate, partyIdentifierScheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withPublisherName(String name) {
        return new OcdsOptions(ocidPrefix, name, packageBaseUri, zone, publishedDate, partyIdentifierScheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withPackageBaseUri(URI base) {
        return new OcdsOptions(ocidPrefix, publisherName, base, zone, publishedDate, partyIdentifierScheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withZone(ZoneId newZone) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, newZone, publishedDate, partyIdentifierScheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withPublishedDate(Instant date) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, zone, date, partyIdentifierScheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withPartyIdentifierScheme(String scheme) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, zone, publishedDate, scheme, extensionUrl,
                includeActors, embedReleases);
    }

    public OcdsOptions withExtensionUrl(URI url) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, zone, publishedDate, partyIdentifierScheme, url,
                includeActors, embedReleases);
    }

    public OcdsOptions withActors(boolean include) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, zone, publishedDate, partyIdentifierScheme, extensionUrl,
                include, embedReleases);
    }

    public OcdsOptions withEmbeddedReleases(boolean embed) {
        return new OcdsOptions(ocidPrefix, publisherName, packageBaseUri, zone, publishedDate, partyIdentifierScheme, extensionUrl,
                includeActors, embed);
    }
}
