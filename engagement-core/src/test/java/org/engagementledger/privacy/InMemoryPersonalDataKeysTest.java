package org.engagementledger.privacy;

class InMemoryPersonalDataKeysTest extends PersonalDataKeysContract {

    private final InMemoryPersonalDataKeys keys = new InMemoryPersonalDataKeys();

    @Override
    protected PersonalDataKeys keys() {
        return keys;
    }
}
