package org.engagementledger.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An organisation taking part in an engagement: the buying agency or the supplying consultancy.
 * {@code id} is what actors name as their organisation (for example an organisation number).
 */
public record Party(
        @NotBlank @Size(max = Identifier.MAX_LENGTH) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:/-]*") String id,
        @NotBlank @Size(max = Limits.NAME) String name) {

    public static Party of(String id, String name) {
        return new Party(id, name);
    }
}
