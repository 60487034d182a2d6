package org.engagementledger.readmodel;

/** The read models did not process every stored event within the time a caller was prepared to wait. */
public class ReadModelTimeoutException extends RuntimeException {

    public ReadModelTimeoutException(String message, Throwable processorError) {
        super(message, processorError);
    }
}
