#!/usr/bin/env bash
# Demo listings: about 100 across the categories, from alice and a second seller, dave; both formats,
# a photo each (drawn locally by listing-photos/DemoPhotos.java: nothing is downloaded), and ten
# auctions that end 5-30 minutes after loading so that a newcomer sees auctions close. Item specifics
# are filled in from each category's own form (required and recommended fields).
# Idempotent: a seller's listing whose title exists already is left alone; dave is registered once.
# shellcheck source=demo/lib.sh
. "$(dirname "$0")/lib.sh"

ROOT=${DBAY_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
PHOTOS="$ROOT/.dbay/demo/listing-photos"
mkdir -p "$PHOTOS"

# category <TAB> a(uction)|f(ixed) <TAB> price <TAB> condition <TAB> title. Auctions marked a5..a30 end after that many minutes.
LISTINGS=$(cat <<'DATA'
Cell Phones & Smartphones	a	120	used	Apple iPhone 13 128GB Midnight, unlocked
Cell Phones & Smartphones	f	349	refurbished	Samsung Galaxy S23 256GB Phantom Black, refurbished
Cell Phones & Smartphones	a10	40	for-parts	Google Pixel 6 for parts, cracked screen
Phone Cases & Covers	f	12.5	new	Leather folio case for iPhone 15 Pro, tan
Chargers & Cables	f	9.99	new	65W USB-C GaN charger with 2 m braided cable
Laptops & Netbooks	a	450	used	Lenovo ThinkPad X1 Carbon Gen 9, i7, 16GB RAM
Laptops & Netbooks	f	899	open-box	Apple MacBook Air M2 13-inch, open box
Laptops & Netbooks	a15	200	used	Dell XPS 13 9310 with charger
Desktops & All-In-Ones	f	520	refurbished	HP EliteDesk 800 G6 mini PC, Ryzen 5
Tablets & eReaders	a	80	used	Kindle Paperwhite 11th generation, 8GB
Tablets & eReaders	f	299	new	iPad 10th generation 64GB Wi-Fi, sealed
Graphics Cards	a	300	used	NVIDIA GeForce RTX 3080 Founders Edition
Graphics Cards	f	489	new	AMD Radeon RX 7800 XT 16GB
CPUs & Processors	f	179	used	AMD Ryzen 7 5800X3D, boxed
Memory (RAM)	f	65	new	Corsair Vengeance DDR5 32GB (2x16GB) 6000MHz
Digital Cameras	a	600	used	Fujifilm X-T3 body, low shutter count
Digital Cameras	a30	150	used	Canon PowerShot G7 X Mark II
Camera Lenses	f	320	used	Sony FE 50mm f/1.8 prime lens
Camera Lenses	a	700	used	Canon EF 70-200mm f/2.8L IS II USM
Camera Drones	f	550	open-box	DJI Mini 3 Pro with RC controller
Televisions	f	799	new	LG C3 55-inch OLED 4K smart TV
Televisions	a	150	used	Samsung 43-inch 4K UHD TV
Headphones	f	249	new	Sony WH-1000XM5 wireless noise cancelling headphones
Headphones	a5	60	used	Sennheiser HD 600 open-back headphones
Speakers	f	180	used	KEF Q150 bookshelf speakers, pair
Video Game Consoles	a	250	used	PlayStation 5 disc edition with two controllers
Video Game Consoles	f	180	used	Nintendo Switch OLED white
Video Game Consoles	a20	50	used	Sega Mega Drive with Sonic 2, boxed
Video Games	f	35	new	The Legend of Zelda: Tears of the Kingdom, sealed
Video Games	a	15	used	Pokemon Red for Game Boy, cartridge only
Controllers & Attachments	f	55	new	Xbox Elite Series 2 controller
Coins: US	a	40	used	1921 Morgan silver dollar
Coins: US	a10	25	used	1964 Kennedy half dollar, 90% silver
Coins: World	f	30	used	1967 South Africa Krugerrand-style silver medal
Bullion	f	2100	new	1 oz gold Britannia 2024
Bullion	a	28	new	1 oz silver Maple Leaf 2023
Paper Money	a	20	used	1957 $1 silver certificate
Sports Trading Cards	a	75	used	1986 Fleer Michael Jordan reprint, PSA graded
Sports Trading Cards	f	15	used	Topps Chrome 2023 baseball rookie lot
Pokémon Cards	a	500	used	Charizard Base Set holo, unlimited
Pokémon Cards	a15	8	used	Pikachu promo card, near mint
Magic: The Gathering Cards	f	45	used	Black Lotus proxy-free Commander deck, 100 cards
Stamps	a	12	used	Penny Black 1840, four margins
Paintings	a	200	used	Oil painting of a harbour at dusk, signed
Art Prints	f	60	new	Limited edition giclée print, mountain lake
Sculptures	a	90	used	Bronze sculpture of a running hare
Comic Books	a	150	used	Amazing Spider-Man #300, 1988
Graphic Novels	f	18	new	Watchmen deluxe hardcover
Men's Shirts	f	25	new	Oxford button-down shirt, light blue
Men's Coats & Jackets	a	60	used	Barbour Bedale waxed jacket, olive
Men's Jeans	f	45	used	Levi's 501 original fit jeans
Women's Dresses	f	55	new	Linen midi dress, sage green
Women's Tops	f	19	new	Silk blouse, ivory
Women's Coats & Jackets	a	80	used	Wool camel coat, classic cut
Men's Shoes	f	95	used	Dr. Martens 1460 boots, black
Women's Shoes	f	70	new	Ankle boots, brown suede
Sneakers	a	180	new	Nike Air Jordan 1 Retro High OG Chicago
Sneakers	a25	90	used	Adidas Yeezy Boost 350 V2
Wristwatches	a	1500	used	Omega Seamaster automatic, 1968
Wristwatches	f	299	new	Seiko Presage cocktail time SRPB43
Pocket Watches	a	120	used	Elgin pocket watch, 1910, running
Rings	f	250	new	Sterling silver ring with sapphire
Necklaces & Pendants	f	85	new	Gold plated pendant necklace, 45 cm
Handbags & Purses	a	300	used	Louis Vuitton Speedy 30 monogram
Chairs	f	150	used	Mid-century teak dining chairs, set of two
Tables	a	120	used	Solid oak farmhouse dining table
Sofas & Couches	f	400	used	Three-seat velvet sofa, emerald
Cookware	f	140	new	Le Creuset cast iron casserole 24 cm
Small Kitchen Appliances	a	100	used	KitchenAid Artisan stand mixer, red
Small Kitchen Appliances	f	59	new	Air fryer 5.5 litre
Kitchen Knives	f	120	new	Japanese gyuto chef knife, Damascus, 21 cm
Power Tools	f	149	new	Cordless drill driver 18V with two batteries
Hand Tools	f	35	used	Vintage Stanley No. 4 hand plane
Plants, Seeds & Bulbs	f	6	new	Heirloom tomato seeds, 12 varieties
Garden Hand Tools	f	22	new	Stainless steel trowel and fork set
Lamps & Lighting	a	45	used	Anglepoise desk lamp, original 1970s
Rugs & Carpets	f	180	used	Hand-knotted Persian rug 200 x 140 cm
Bicycles	a	400	used	Trek Domane road bike, 56 cm, Shimano 105
Bicycles	f	650	used	Specialized Rockhopper mountain bike, large
Bicycles	a10	150	used	Brompton folding bike, 3-speed
Bicycle Components & Parts	f	80	new	Shimano Ultegra rear derailleur
Weights & Dumbbells	f	120	used	Adjustable dumbbells 2 x 24 kg
Treadmills	a	200	used	Folding treadmill, 16 km/h
Tents	f	220	used	Hilleberg-style 2-person tunnel tent
Backpacks	f	110	new	Osprey Atmos 65 litre backpack
Football (Soccer)	f	25	new	Match ball, size 5
Basketball	f	30	new	Indoor/outdoor basketball, official size
Skis	a	180	used	Rossignol all-mountain skis 170 cm with bindings
Snowboards	a	150	used	Burton Custom snowboard 156 cm
Golf Clubs	f	350	used	TaylorMade iron set 5-PW, regular flex
Golf Balls	f	40	new	Titleist Pro V1, two dozen
LEGO Sets	a	150	new	LEGO Millennium Falcon 75192, sealed
LEGO Sets	a30	40	used	LEGO Technic 42115 Lamborghini, complete
LEGO Sets	f	85	new	LEGO Botanical Collection bonsai tree 10281
Other Building Toys	f	30	used	Meccano set, 1970s, in tin
Model Railroads & Trains	a	90	used	Hornby OO gauge Flying Scotsman locomotive
Radio Control & Control Line	f	180	new	1:10 RC rock crawler, ready to run
Action Figures	a	25	used	Star Wars Boba Fett 1979 Kenner figure
Board & Traditional Games	f	45	used	Catan with Seafarers expansion, complete
Fiction	f	12	used	The Hobbit, 1966 paperback
Non-Fiction	f	15	new	A Brief History of Time, illustrated edition
Antiquarian & Collectible	a	300	used	Charles Dickens, Great Expectations, 1861 first edition
Vinyl Records	a	60	used	Pink Floyd, The Dark Side of the Moon, 1973 first press
Vinyl Records	f	25	new	Daft Punk, Random Access Memories, 2LP
Movies & TV (DVD & Blu-ray)	f	20	new	The Lord of the Rings extended edition 4K box set
Guitars & Basses	a	500	used	Fender Stratocaster, Mexico, sunburst
Guitars & Basses	f	220	used	Yamaha FG800 acoustic guitar
Pianos, Keyboards & Organs	f	450	used	Roland FP-30X digital piano, 88 weighted keys
Drums & Percussion	a	150	used	Ludwig Breakbeats drum kit, 4 pieces
Car & Truck Parts	f	180	new	Brembo front brake discs and pads, VW Golf VII
Motorcycle Parts	f	95	used	Akrapovic slip-on exhaust for Yamaha MT-07
DATA
)

# dave: the second seller (registered here; alice comes from 10-users.sh).
code=$(api_status POST /api/v1/user/register "$(jq -nc --arg p "$DEMO_PASSWORD" \
  '{email: "dave@demo.dbay", username: "dave", password: $p, displayName: "Dave (vintage seller)"}')")
case $code in 201) say "registered dave" ;; 409) ;; *) echo "registering dave answered $code: $(cat "$DEMO_BODY")" >&2; exit 1 ;; esac

# Like lib.sh's api, but waits out the gateway's rate limit (429) instead of failing: this script makes ~450 calls.
call() {
  local code attempt
  for attempt in $(seq 1 30); do
    code=$(api_status "$@")
    [ "$code" = 429 ] || break
    sleep 1
  done
  if [ "${code:0:1}" != 2 ]; then
    echo "demo: $1 $2 answered $code: $(cat "$DEMO_BODY")" >&2
    return 1
  fi
  cat "$DEMO_BODY"
}

# One login per seller (logins are rate-limited harder than anything else).
declare -A TOKENS
for seller in alice dave; do as_user "$seller"; TOKENS[$seller]=$DEMO_TOKEN; done
act_as() { DEMO_TOKEN=${TOKENS[$1]}; }

as_nobody
TREE=$(call GET /api/v1/listing/categories)
category_id() { jq -r --arg n "$1" '[.categories | .. | objects | select(.name? == $n) | .id] | first // empty' <<<"$TREE"; }

# Existing titles per seller, so a second run creates nothing.
declare -A EXISTING
for seller in alice dave; do
  act_as "$seller"
  while IFS= read -r t; do EXISTING["$seller|$t"]=1; done < <(call GET /api/v1/listing/listings/mine | jq -r '.items[].title')
done

# Draw the photos (once; files are kept under .dbay/demo/).
i=0
while IFS=$'\t' read -r _ _ _ _ title; do
  i=$((i + 1)); printf '%s.png\t%s\t%s\n' "$i" "$title" "$((i * 7919))"
done <<<"$LISTINGS" | "$JAVA_BIN" -Djava.awt.headless=true "$ROOT/demo/listing-photos/DemoPhotos.java" "$PHOTOS"

# Values for an item specific from its form: enum values and booleans rotate with the row, numbers and
# text come from small tables (or the title).
specifics() { # <category json> <row> <title>
  jq -c --argjson row "$2" --arg title "$3" '
    def text(n): {"Brand": ($title | split(" ")[0]), "Model": ($title | split(",")[0]), "Country": "United Kingdom",
      "Artist": "Unknown artist", "Author": "Various", "Publisher": "Marvel", "Series Title": ($title | split(",")[0]),
      "Title": ($title | split(",")[0]), "Card Name": ($title | split(",")[0]), "Player": "Various", "Set": "Base Set",
      "Denomination": "1 Dollar", "Chipset": ($title | split(" ")[1:4] | join(" ")), "Processor": "Intel Core i7",
      "Compatible Model": "iPhone 15 Pro", "Common Name": "Tomato", "Type": "Set", "Component": "Rear derailleur",
      "Fitment (Make / Model)": ($title | split(",")[1] // "Universal" | ltrimstr(" ")), "Material": "Bronze",
      "Manufacturer": "Hornby", "Franchise": "Star Wars", "Theme": "Star Wars", "Subject": "Science", "Genre": "Fantasy",
      "Focal Length": "50 mm", "Grade": "VF-20", "Manufacturer Part Number": "N/A"}[n] // ($title | split(" ")[0]);
    def number(n): {"Year": 1968, "Screen Size": 55, "RAM Size": 16, "SSD Capacity": 512, "Memory Size": 10, "Cores": 8,
      "Capacity": 32, "Resolution": 26, "Weight": 1, "Width": 60, "Height": 40, "Waist Size": 32, "Inseam": 32,
      "EU Shoe Size": 43, "Case Size": 40, "Ring Size": 7, "Length": 170, "Frame Size": 56, "Wheel Size": 28, "Set Number": 75192,
      "Number of Pieces": 7541, "Publication Year": 1861, "Number of Keys": 88, "Volume": 65, "Number in Pack": 24,
      "Issue Number": 300, "Fineness": 999}[n] // 1;
    [.specifics[] | select(.requirement != "OPTIONAL") |
      {key: .name, value: (
        if .type == "ENUM" then .allowedValues[$row % (.allowedValues | length)]
        elif .type == "BOOLEAN" then (if $row % 2 == 0 then "true" else "false" end)
        elif .type == "NUMBER" then (number(.name) | tostring)
        else text(.name) end)}] | from_entries' <<<"$1"
}

created=0 skipped=0 row=0
while IFS=$'\t' read -r category format price condition title; do
  row=$((row + 1))
  seller=$([ $((row % 3)) = 0 ] && echo dave || echo alice)
  if [ -n "${EXISTING["$seller|$title"]:-}" ]; then skipped=$((skipped + 1)); continue; fi
  id=$(category_id "$category")
  [ -n "$id" ] || { echo "demo: no category named '$category'" >&2; exit 1; }
  as_nobody
  form=$(call GET "/api/v1/listing/categories/$id")
  act_as "$seller"
  case $format in
    f) pricing=$(jq -nc --arg p "$price" --argjson q "$((row % 4 + 1))" '{format: "fixed", price: $p, quantity: $q, durationDays: 30}') ;;
    a) pricing=$(jq -nc --arg p "$price" --argjson d "$(( (row % 3) * 2 + 3 ))" \
         '{format: "auction", startPrice: $p, durationDays: $d} + (if ($p | tonumber) >= 100 then {buyItNowPrice: (($p | tonumber) * 2 | tostring)} else {} end)') ;;
    a*) pricing=$(jq -nc --arg p "$price" --argjson m "${format#a}" '{format: "auction", startPrice: $p, durationMinutes: $m}') ;;
  esac
  body=$(jq -nc --arg t "$title" --arg c "$condition" --argjson cat "$id" --argjson s "$(specifics "$form" "$row" "$title")" \
    --argjson pricing "$pricing" --arg d "$title. Demo listing: described honestly, photographed in daylight, posted within two days." '
    {title: $t, description: $d, condition: $c, categoryId: $cat, itemSpecifics: $s,
     shippingOptions: [{service: "Standard", cost: "4.5"}, {service: "Express", cost: "12"}],
     shipsTo: ["worldwide"]} + $pricing')
  listing=$(call POST /api/v1/listing/listings "$body" | jq -r .id)
  photo="$PHOTOS/$row.png"
  slot=$(call POST "/api/v1/listing/listings/$listing/photos" "$(jq -nc --argjson s "$(stat -c %s "$photo")" '{contentType: "image/png", size: $s}')")
  headers=()
  while IFS= read -r h; do headers+=(-H "$h"); done < <(jq -r '.headers | to_entries[] | select(.key | ascii_downcase != "content-length") | "\(.key): \(.value)"' <<<"$slot")
  curl -fsS -o /dev/null -X PUT "${headers[@]}" --data-binary "@$photo" "$(jq -r .uploadUrl <<<"$slot")" ||
    { echo "demo: uploading the photo of '$title' failed" >&2; exit 1; }
  call POST "/api/v1/listing/listings/$listing/publish" >/dev/null
  created=$((created + 1))
done <<<"$LISTINGS"

say "listings: $created created, $skipped already there (photos become thumbnails once image-processor has run)"
