package org.surgeline.region;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Positive;

/** How travel times are derived where no override is set. */
@ConfigMapping(prefix = "surgeline.travel")
public interface TravelConfig {

    /** Road distance over great-circle distance; mountain roads in Linfen's west run long. */
    @WithDefault("1.3")
    @Positive
    double roadFactor();

    /** Average driving speed, in km/h, of a supply truck or team bus. */
    @WithDefault("60")
    @Positive
    double averageSpeedKmh();
}
