package org.surgeline.request;

import jakarta.validation.constraints.Size;

/** Optional body of approve and cancel: a note kept on the request. */
public record DecisionNote(@Size(max = 500) String note) {
}
