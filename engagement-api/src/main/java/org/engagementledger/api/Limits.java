package org.engagementledger.api;

/** Length limits used by the commands' constraints, in one place so that read models can size columns. */
public final class Limits {

    /** Names of people, teams, groups, roles and organisations. */
    public static final int NAME = 200;
    /** Titles and one-line statements. */
    public static final int TITLE = 300;
    /** Free text: problems, outcomes, rationales, evidence, notes. */
    public static final int TEXT = 4000;
    /** Entries in any list (acceptance criteria, rights engaged, groups). */
    public static final int LIST = 50;

    private Limits() {
    }
}
