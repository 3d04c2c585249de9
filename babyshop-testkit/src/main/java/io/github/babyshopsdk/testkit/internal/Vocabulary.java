package io.github.babyshopsdk.testkit.internal;

import java.util.List;

/** Word lists for realistic UAE/KSA baby-shop fixtures. Constants only. */
final class Vocabulary {

    private Vocabulary() {
    }

    /** A product category: code, brands, product names, variants, price range (whole units). */
    record Category(String code, List<String> brands, List<String> names, List<String> variants,
                    int minPrice, int maxPrice, String variantKind) {
    }

    /** A city with its state/province and areas, postal codes and country. */
    record City(String name, String state, String country, List<String> areas, List<String> postalCodes) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("DIA", List.of("Pampers", "Huggies", "Bambo Nature", "Mothercare"),
                    List.of("Baby-Dry Diapers", "Pants Diapers", "Newborn Diapers"),
                    List.of("Size 1 (44 pcs)", "Size 3 (62 pcs)", "Size 4 (52 pcs)", "Size 5 (48 pcs)"),
                    45, 120, "size"),
            new Category("FED", List.of("Philips Avent", "Tommee Tippee", "MAM", "Dr. Brown's", "Chicco"),
                    List.of("Anti-Colic Feeding Bottle", "Natural Feeding Bottle", "Silicone Teat", "Sippy Cup"),
                    List.of("125ml", "260ml", "330ml", "2-Pack"), 25, 95, "none"),
            new Category("FOR", List.of("Aptamil", "NAN Optipro", "Similac", "Bebelac"),
                    List.of("Infant Formula", "Follow-On Formula", "Growing-Up Milk"),
                    List.of("Stage 1 400g", "Stage 2 800g", "Stage 3 400g", "Stage 4 900g"), 60, 160, "none"),
            new Category("SKN", List.of("Johnson's Baby", "Mustela", "Sebamed", "Cetaphil Baby", "Chicco"),
                    List.of("Gentle Baby Lotion", "No More Tears Shampoo", "Diaper Rash Cream", "Baby Wash",
                            "Baby Wipes"),
                    List.of("100ml", "200ml", "300ml", "500ml", "72 Wipes"), 15, 85, "none"),
            new Category("GEA", List.of("Joie", "Cybex", "Graco", "Chicco", "Maxi-Cosi"),
                    List.of("Travel System Stroller", "Car Seat Group 0+", "Baby Carrier", "High Chair", "Playard"),
                    List.of("Black", "Grey", "Navy", "Beige"), 250, 2400, "color"),
            new Category("TOY", List.of("Fisher-Price", "VTech Baby", "Skip Hop", "Infantino"),
                    List.of("Activity Gym", "Musical Mobile", "Stacking Rings", "Teether Set", "Bath Toys Set"),
                    List.of("0m+", "3m+", "6m+"), 29, 349, "none"),
            new Category("CLO", List.of("Mothercare", "Carter's", "Juniors", "Babyshop"),
                    List.of("Cotton Bodysuit 3-Pack", "Sleepsuit 2-Pack", "Romper", "Knitted Cardigan"),
                    List.of("Newborn", "0-3 Months", "3-6 Months", "6-9 Months", "12-18 Months"), 39, 159, "size"));

    static final List<City> UAE_CITIES = List.of(
            new City("Dubai", "Dubai", "ARE",
                    List.of("Dubai Marina", "Jumeirah Lake Towers", "Al Barsha", "Downtown Dubai", "Mirdif"),
                    List.of("00000")),
            new City("Abu Dhabi", "Abu Dhabi", "ARE",
                    List.of("Al Reem Island", "Khalifa City", "Al Khalidiyah", "Yas Island"), List.of("00000")),
            new City("Sharjah", "Sharjah", "ARE", List.of("Al Majaz", "Al Nahda", "Muwaileh", "Al Khan"),
                    List.of("00000")));

    static final List<City> KSA_CITIES = List.of(
            new City("Riyadh", "Riyadh Province", "SAU", List.of("Al Olaya", "Al Malqa", "Al Nakheel", "Hittin"),
                    List.of("11564", "13521", "12382", "13315")),
            new City("Jeddah", "Makkah Province", "SAU", List.of("Al Rawdah", "Al Hamra", "Obhur", "Al Zahra"),
                    List.of("23433", "21462", "23816")),
            new City("Dammam", "Eastern Province", "SAU", List.of("Al Faisaliyah", "Al Shati", "Al Mazruiyah"),
                    List.of("32413", "32272")));

    static final List<String> FIRST_NAMES = List.of("Ahmed", "Fatima", "Mohammed", "Aisha", "Omar", "Layla",
            "Khalid", "Noura", "Yousef", "Mariam", "Hassan", "Sara", "Priya", "Rahul", "Maria", "John", "Reem",
            "Abdullah", "Hessa", "Faisal");

    static final List<String> LAST_NAMES = List.of("Al Hashimi", "Al Qahtani", "Al Ghamdi", "Al Otaibi",
            "Al Mansoori", "Al Zahrani", "Haddad", "Nasser", "Khan", "Sharma", "Fernandes", "Smith", "Saleh",
            "Abdullah", "Rahman");

    static final List<String> UAE_TRANSPORTERS = List.of("Aramex", "Emirates Post", "Quiqup", "DHL Express");

    static final List<String> KSA_TRANSPORTERS = List.of("SMSA Express", "Aramex", "Naqel Express", "SPL");

    static final List<String> STREET_KINDS = List.of("Villa %d, Street %d", "Apartment %d, Building %d",
            "Flat %d, Tower %d");
}
