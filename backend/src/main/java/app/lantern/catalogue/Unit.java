package app.lantern.catalogue;

import java.time.LocalDate;

/** A unit as stored; {@code path} is the materialised path of ids from the root. */
public record Unit(long key, String code, String name, String level, Long parentId, String path, String address,
                   String phone, String email, boolean oneStopShop, LocalDate validFrom, LocalDate validTo, int version) {
}
