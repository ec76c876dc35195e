# Generates V2__category_taxonomy.sql: the category tree with each category's own item specifics.
# Specifics are inherited: a leaf's form is its ancestors' specifics followed by its own.
import json
R, C, O = "REQUIRED", "RECOMMENDED", "OPTIONAL"
def T(n, req=O, unit=None): return (n, "TEXT", req, [], unit)
def N(n, req=O, unit=None): return (n, "NUMBER", req, [], unit)
def E(n, vals, req=O): return (n, "ENUM", req, vals, None)
def B(n, req=O): return (n, "BOOLEAN", req, [], None)
SIZES = ["XS","S","M","L","XL","XXL"]
COLORS = ["Black","White","Grey","Blue","Red","Green","Yellow","Brown","Pink","Purple","Multicolour"]
tree = [
 ("Electronics", [T("Brand", C)], [
   ("Cell Phones & Accessories", [], [
     ("Cell Phones & Smartphones", [T("Brand", R), T("Model", R), E("Storage Capacity", ["16 GB","32 GB","64 GB","128 GB","256 GB","512 GB","1 TB"], C), E("Network", ["Unlocked","Carrier locked"], C), E("Colour", COLORS)], []),
     ("Phone Cases & Covers", [T("Compatible Model", R), E("Material", ["Silicone","Leather","Plastic","Metal"])], []),
     ("Chargers & Cables", [E("Connector", ["USB-C","Lightning","Micro-USB","Wireless"], R), N("Length", O, "m")], []),
   ]),
   ("Computers & Tablets", [], [
     ("Laptops & Netbooks", [T("Brand", R), T("Processor", C), N("Screen Size", C, "in"), N("RAM Size", C, "GB"), N("SSD Capacity", O, "GB"), E("Operating System", ["Windows","macOS","Linux","ChromeOS","None"], C)], []),
     ("Desktops & All-In-Ones", [T("Processor", C), N("RAM Size", C, "GB")], []),
     ("Tablets & eReaders", [E("Storage Capacity", ["16 GB","32 GB","64 GB","128 GB","256 GB"], C), N("Screen Size", O, "in")], []),
     ("Computer Components & Parts", [], [
       ("Graphics Cards", [T("Chipset", R), N("Memory Size", C, "GB")], []),
       ("CPUs & Processors", [E("Socket", ["AM4","AM5","LGA1700","LGA1851"], R), N("Cores", C)], []),
       ("Memory (RAM)", [E("Type", ["DDR3","DDR4","DDR5"], R), N("Capacity", R, "GB")], []),
     ]),
   ]),
   ("Cameras & Photo", [], [
     ("Digital Cameras", [E("Type", ["Mirrorless","DSLR","Compact","Bridge"], R), N("Resolution", C, "MP")], []),
     ("Camera Lenses", [E("Mount", ["Canon EF","Canon RF","Nikon F","Nikon Z","Sony E","Fujifilm X","Micro Four Thirds"], R), T("Focal Length", C)], []),
     ("Camera Drones", [N("Flight Time", O, "min"), B("Camera Included", C)], []),
   ]),
   ("TV, Video & Home Audio", [], [
     ("Televisions", [N("Screen Size", R, "in"), E("Display Technology", ["LED","OLED","QLED","LCD"], C), E("Resolution", ["HD","Full HD","4K","8K"], C), B("Smart TV")], []),
     ("Headphones", [E("Form Factor", ["Over-ear","On-ear","In-ear"], R), B("Wireless", C), B("Noise Cancelling")], []),
     ("Speakers", [E("Type", ["Bookshelf","Floor-standing","Portable","Soundbar"], C), N("Power", O, "W")], []),
   ]),
   ("Video Games & Consoles", [], [
     ("Video Game Consoles", [E("Platform", ["PlayStation 5","PlayStation 4","Xbox Series X|S","Xbox One","Nintendo Switch","Nintendo Switch 2","Retro"], R), N("Storage Capacity", O, "GB")], []),
     ("Video Games", [E("Platform", ["PlayStation 5","PlayStation 4","Xbox Series X|S","Nintendo Switch","PC","Retro"], R), E("Region Code", ["PAL","NTSC-U/C","NTSC-J","Region free"], C), T("Genre")], []),
     ("Controllers & Attachments", [E("Platform", ["PlayStation","Xbox","Nintendo","PC"], R)], []),
   ]),
 ]),
 ("Collectibles & Art", [], [
   ("Coins & Paper Money", [N("Year", C), T("Country", C)], [
     ("Coins: US", [E("Denomination", ["Cent","Nickel","Dime","Quarter","Half Dollar","Dollar"], R), E("Certification", ["Uncertified","PCGS","NGC","ANACS"], C), T("Grade")], []),
     ("Coins: World", [T("Denomination", R), E("Composition", ["Gold","Silver","Copper","Nickel","Bimetallic"])], []),
     ("Bullion", [E("Metal", ["Gold","Silver","Platinum","Palladium"], R), N("Weight", R, "oz"), N("Fineness", C)], []),
     ("Paper Money", [T("Denomination", R), E("Circulated/Uncirculated", ["Circulated","Uncirculated"], C)], []),
   ]),
   ("Trading Cards", [E("Graded", ["Ungraded","PSA","BGS","CGC","SGC"], C), T("Card Name", R)], [
     ("Sports Trading Cards", [E("Sport", ["Baseball","Basketball","Football","Soccer","Hockey"], R), T("Player", C), N("Year", C)], []),
     ("Pokémon Cards", [T("Set", C), E("Rarity", ["Common","Uncommon","Rare","Holo Rare","Ultra Rare","Secret Rare"], C), E("Language", ["English","Japanese","German","French"])], []),
     ("Magic: The Gathering Cards", [T("Set", C), B("Foil")], []),
   ]),
   ("Stamps", [T("Country", R), N("Year", C), E("Quality", ["Mint never hinged","Mint hinged","Used"], C)], []),
   ("Art", [T("Artist", C), B("Signed", C), B("Original/Reproduction")], [
     ("Paintings", [E("Medium", ["Oil","Acrylic","Watercolour","Gouache","Mixed media"], R), N("Width", C, "cm"), N("Height", C, "cm")], []),
     ("Art Prints", [E("Print Type", ["Giclée","Lithograph","Screen print","Etching","Poster"], R), B("Limited Edition")], []),
     ("Sculptures", [T("Material", R), N("Height", C, "cm")], []),
   ]),
   ("Comics", [T("Publisher", C)], [
     ("Comic Books", [T("Series Title", R), N("Issue Number", C), E("Era", ["Golden Age","Silver Age","Bronze Age","Modern Age"])], []),
     ("Graphic Novels", [T("Title", R)], []),
   ]),
 ]),
 ("Clothing, Shoes & Accessories", [T("Brand", C), E("Colour", COLORS, C)], [
   ("Men's Clothing", [E("Size", SIZES, R)], [
     ("Men's Shirts", [E("Sleeve Length", ["Short","Long"])], []),
     ("Men's Coats & Jackets", [E("Outer Shell Material", ["Cotton","Wool","Leather","Polyester","Down"])], []),
     ("Men's Jeans", [N("Waist Size", R, "in"), N("Inseam", C, "in")], []),
   ]),
   ("Women's Clothing", [E("Size", SIZES, R)], [
     ("Women's Dresses", [E("Dress Length", ["Mini","Knee","Midi","Maxi"])], []),
     ("Women's Tops", [E("Sleeve Length", ["Sleeveless","Short","Long"])], []),
     ("Women's Coats & Jackets", [E("Outer Shell Material", ["Cotton","Wool","Leather","Polyester","Down"])], []),
   ]),
   ("Shoes", [N("EU Shoe Size", R)], [
     ("Men's Shoes", [E("Style", ["Boots","Oxfords","Loafers","Sandals"])], []),
     ("Women's Shoes", [E("Style", ["Heels","Flats","Boots","Sandals"])], []),
     ("Sneakers", [T("Model", C), B("Limited Edition")], []),
   ]),
   ("Watches", [T("Brand", R), E("Movement", ["Automatic","Manual","Quartz","Solar"], C), N("Case Size", C, "mm")], [
     ("Wristwatches", [E("Band Material", ["Leather","Stainless Steel","Rubber","Fabric","Titanium"])], []),
     ("Pocket Watches", [N("Year Manufactured", O)], []),
   ]),
   ("Jewelry", [E("Metal", ["Gold","Silver","Platinum","Stainless Steel","Other"], R), E("Main Stone", ["None","Diamond","Sapphire","Ruby","Emerald","Pearl","Other"])], [
     ("Rings", [N("Ring Size", R)], []),
     ("Necklaces & Pendants", [N("Length", C, "cm")], []),
   ]),
   ("Handbags & Purses", [E("Style", ["Tote","Shoulder Bag","Crossbody","Clutch","Backpack"], C), E("Exterior Material", ["Leather","Canvas","Nylon","Faux Leather"])], []),
 ]),
 ("Home & Garden", [], [
   ("Furniture", [E("Material", ["Wood","Metal","Glass","Plastic","Fabric"], C), N("Width", O, "cm"), B("Assembly Required")], [
     ("Chairs", [E("Room", ["Living Room","Dining Room","Office","Outdoor"])], []),
     ("Tables", [E("Shape", ["Rectangular","Round","Square","Oval"]), N("Seats", O)], []),
     ("Sofas & Couches", [N("Seats", C)], []),
   ]),
   ("Kitchen, Dining & Bar", [T("Brand", C)], [
     ("Cookware", [E("Material", ["Stainless Steel","Cast Iron","Non-stick","Copper","Carbon Steel"], R), N("Pieces", O)], []),
     ("Small Kitchen Appliances", [E("Type", ["Coffee Machine","Blender","Toaster","Stand Mixer","Air Fryer","Kettle"], R), N("Power", O, "W")], []),
     ("Kitchen Knives", [E("Blade Material", ["Stainless Steel","Carbon Steel","Damascus","Ceramic"], C), N("Blade Length", C, "cm")], []),
   ]),
   ("Tools & Workshop Equipment", [T("Brand", C)], [
     ("Power Tools", [E("Power Source", ["Corded","Battery","Pneumatic"], R), N("Voltage", O, "V"), B("Battery Included")], []),
     ("Hand Tools", [T("Type", R)], []),
   ]),
   ("Yard, Garden & Outdoor Living", [], [
     ("Plants, Seeds & Bulbs", [T("Common Name", R), E("Sunlight", ["Full sun","Partial shade","Full shade"])], []),
     ("Garden Hand Tools", [T("Type", R)], []),
   ]),
   ("Home Décor", [], [
     ("Lamps & Lighting", [E("Type", ["Table Lamp","Floor Lamp","Pendant","Wall Light"], R), E("Bulb Type", ["LED","Incandescent","Halogen","Fluorescent"])], []),
     ("Rugs & Carpets", [N("Length", C, "cm"), N("Width", C, "cm"), E("Material", ["Wool","Cotton","Synthetic","Jute","Silk"])], []),
   ]),
 ]),
 ("Sporting Goods", [T("Brand", C)], [
   ("Cycling", [], [
     ("Bicycles", [E("Bike Type", ["Road","Mountain","Hybrid","Gravel","BMX","Electric"], R), N("Frame Size", R, "cm"), N("Wheel Size", C, "in"), E("Frame Material", ["Aluminium","Carbon","Steel","Titanium"], C), N("Number of Gears", O)], []),
     ("Bicycle Components & Parts", [T("Component", R), T("Compatible Bike Type")], []),
   ]),
   ("Fitness, Running & Yoga", [], [
     ("Weights & Dumbbells", [N("Weight", R, "kg"), B("Adjustable")], []),
     ("Treadmills", [N("Max Speed", C, "km/h"), B("Foldable")], []),
   ]),
   ("Camping & Hiking", [], [
     ("Tents", [N("Capacity", R, "persons"), E("Season", ["2-season","3-season","4-season"], C), N("Weight", O, "kg")], []),
     ("Backpacks", [N("Volume", R, "l"), B("Rain Cover Included")], []),
   ]),
   ("Team Sports", [], [
     ("Football (Soccer)", [T("Type", R), E("Size", ["3","4","5"])], []),
     ("Basketball", [T("Type", R)], []),
   ]),
   ("Winter Sports", [], [
     ("Skis", [N("Length", R, "cm"), E("Ski Type", ["All-mountain","Piste","Freeride","Touring","Park"], C)], []),
     ("Snowboards", [N("Length", R, "cm"), E("Profile", ["Camber","Rocker","Hybrid","Flat"])], []),
   ]),
   ("Golf", [], [
     ("Golf Clubs", [E("Club Type", ["Driver","Fairway Wood","Hybrid","Iron Set","Wedge","Putter"], R), E("Dexterity", ["Right-handed","Left-handed"], R), E("Shaft Flex", ["Ladies","Senior","Regular","Stiff","Extra Stiff"], C)], []),
     ("Golf Balls", [N("Number in Pack", R)], []),
   ]),
 ]),
 ("Toys & Hobbies", [], [
   ("Building Toys", [], [
     ("LEGO Sets", [N("Set Number", R), T("Theme", C), N("Number of Pieces", C), B("Sealed", C)], []),
     ("Other Building Toys", [T("Brand", C)], []),
   ]),
   ("Model Railroads & Trains", [E("Scale", ["G","O","HO","N","Z","OO"], R), T("Manufacturer", C)], []),
   ("Radio Control & Control Line", [E("Vehicle Type", ["Car","Plane","Helicopter","Boat","Drone"], R), B("Ready to Run", C)], []),
   ("Action Figures", [T("Franchise", C), N("Height", O, "cm"), B("In Original Packaging", C)], []),
   ("Board & Traditional Games", [N("Players", O), B("Complete", C)], []),
 ]),
 ("Books, Movies & Music", [], [
   ("Books", [T("Author", C), E("Format", ["Hardcover","Paperback","Leather bound"], C), E("Language", ["English","German","French","Spanish","Other"])], [
     ("Fiction", [T("Genre")], []),
     ("Non-Fiction", [T("Subject", C)], []),
     ("Antiquarian & Collectible", [N("Publication Year", R), B("First Edition", C), B("Signed")], []),
   ]),
   ("Vinyl Records", [T("Artist", R), E("Speed", ["33 RPM","45 RPM","78 RPM"], C), E("Record Grading", ["Mint (M)","Near Mint (NM or M-)","Very Good Plus (VG+)","Very Good (VG)","Good (G)"], C)], []),
   ("Movies & TV (DVD & Blu-ray)", [E("Format", ["DVD","Blu-ray","4K UHD Blu-ray"], R), E("Region Code", ["A/1","B/2","C/3","Region free"])], []),
   ("Musical Instruments & Gear", [T("Brand", C)], [
     ("Guitars & Basses", [E("Type", ["Electric Guitar","Acoustic Guitar","Classical Guitar","Bass Guitar"], R), E("Dexterity", ["Right-handed","Left-handed"], C), N("Number of Strings", O)], []),
     ("Pianos, Keyboards & Organs", [N("Number of Keys", R), B("Weighted Keys")], []),
     ("Drums & Percussion", [T("Type", R)], []),
   ]),
 ]),
 ("Motors: Parts & Accessories", [T("Manufacturer Part Number", C), T("Brand", C)], [
   ("Car & Truck Parts", [T("Placement on Vehicle"), T("Fitment (Make / Model)", R)], []),
   ("Motorcycle Parts", [T("Fitment (Make / Model)", R)], []),
 ]),
]
rows, specs = [], []
counter = [0]
def slug(s):
    import re
    return re.sub(r'[^a-z0-9]+', '-', s.lower().replace("é","e").replace("é","e")).strip('-')
def walk(nodes, parent, path):
    for pos, (name, sp, kids) in enumerate(nodes):
        counter[0] += 1
        cid = counter[0]
        s = slug(name if parent is None else path + "-" + name) if False else slug(name)
        rows.append((cid, parent, name, s, pos, len(kids) == 0))
        for i, (n, t, req, vals, unit) in enumerate(sp):
            specs.append((cid, i, n, t, req, vals, unit))
        walk(kids, cid, s)
walk([( "Electronics" if False else n, sp, k) for (n, sp, k) in tree], None, "")
# distinct slugs
seen = {}
for i, r in enumerate(rows):
    s = r[3]
    if s in seen:
        s = s + "-" + str(r[0])
    seen[s] = 1
    rows[i] = (r[0], r[1], r[2], s, r[4], r[5])
q = lambda v: "null" if v is None else "'" + str(v).replace("'", "''") + "'"
out = ["-- Generated by listing-service/tools/gen_categories.py: a marketplace taxonomy (after eBay's top levels),",
       "-- each category with its own item specifics; a category's form is its ancestors' specifics, then its own.",
       "insert into category (id, parent_id, name, slug, position, leaf) values"]
out.append(",\n".join(f"  ({r[0]}, {'null' if r[1] is None else r[1]}, {q(r[2])}, {q(r[3])}, {r[4]}, {'true' if r[5] else 'false'})" for r in rows) + ";")
out.append("select setval('category_id_seq', (select max(id) from category));")
out.append("insert into category_specific (category_id, position, name, type, requirement, allowed_values, unit) values")
out.append(",\n".join(f"  ({c}, {i}, {q(n)}, '{t}', '{req}', {q(json.dumps(vals, ensure_ascii=False))}, {q(unit)})" for (c, i, n, t, req, vals, unit) in specs) + ";")
print("\n".join(out))
import sys
print(f"-- {len(rows)} categories, {sum(1 for r in rows if r[5])} leaves, {len(specs)} specifics", file=sys.stderr)
