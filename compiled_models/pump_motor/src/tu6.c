
#include "header.h"

void predict_unit6(union Entry* data, float* result) {
  unsigned int tmp;
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.7283000946)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)101.47589874)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.628898621)) {
          result[0] += 0.04277225;
        } else {
          result[0] += -0.11296032;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.4368000031)) {
          result[0] += 0.13466243;
        } else {
          result[0] += -0.11144214;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4207999706)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.7548999786)) {
          result[0] += 0.08689881;
        } else {
          result[0] += -0.22202653;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.2867999077)) {
          result[0] += 0.013803745;
        } else {
          result[0] += -0.05670451;
        }
      }
    }
  } else {
    result[0] += -0.13696943;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9719998837)) {
    result[1] += -0.13947058;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4366999865)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)8.0663995743)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.5099000931)) {
          result[1] += 0.5513872;
        } else {
          result[1] += 0.19801876;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1818000078)) {
          result[1] += -0.15758675;
        } else {
          result[1] += 0.019235842;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.4991002083)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6095000505)) {
          result[1] += 0.019218192;
        } else {
          result[1] += -0.1230898;
        }
      } else {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.374900818)) {
          result[1] += -0.06210974;
        } else {
          result[1] += 0.08198509;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)4.9520001411)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)35.928600311)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)94.76499939)) {
          result[2] += -0.061569054;
        } else {
          result[2] += -0.005914379;
        }
      } else {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.0808000565)) {
          result[2] += 0.07995346;
        } else {
          result[2] += -0.10474404;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.1405000687)) {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2951999903)) {
          result[2] += 0.10449689;
        } else {
          result[2] += -0.03356013;
        }
      } else {
        result[2] += 0.30852297;
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0852999687)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)39.768600464)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1138999462)) {
          result[2] += 0.03752636;
        } else {
          result[2] += -0.14278716;
        }
      } else {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)3.0871999264)) {
          result[2] += 0.12083939;
        } else {
          result[2] += 0.0071781925;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9470000267)) {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.9867999554)) {
          result[2] += 0.123731;
        } else {
          result[2] += -0.0020520526;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.700901031)) {
          result[2] += -0.0020156396;
        } else {
          result[2] += -0.098455496;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
    result[3] += -0.14177844;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4049999714)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.5058999062)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9237999916)) {
          result[3] += 0.12946916;
        } else {
          result[3] += -0.14508592;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2997000217)) {
          result[3] += 0.0949821;
        } else {
          result[3] += -0.08403602;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9939000607)) {
          result[3] += 0.00955957;
        } else {
          result[3] += -0.09153461;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.802700043)) {
          result[3] += -0.10421774;
        } else {
          result[3] += 0.017610442;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.13857026;
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.7388000488)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.550999999)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)10.513699532)) {
          result[4] += 0.111692704;
        } else {
          result[4] += -0.057194006;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.40940094)) {
          result[4] += 0.15242295;
        } else {
          result[4] += 0.00057794317;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.4619002342)) {
        result[4] += -0.08751853;
      } else {
        result[4] += 0.040452123;
      }
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5004999638)) {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.5105999708)) {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.0431001186)) {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9881000519)) {
          result[5] += 0.08075554;
        } else {
          result[5] += -0.11225001;
        }
      } else {
        result[5] += -0.12885234;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.6971999407)) {
        result[5] += -0.03467868;
      } else {
        result[5] += -0.1424851;
      }
    }
  } else {
    if (!(data[6].missing != -1) || (data[6].fvalue < (float)2.8343000412)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.4636998177)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.9742000103)) {
          result[5] += -0.06667638;
        } else {
          result[5] += 0.09081353;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)5.0350999832)) {
          result[5] += -0.09910207;
        } else {
          result[5] += 0.09086312;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)97.338500977)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.436798096)) {
          result[5] += -0.114570625;
        } else {
          result[5] += 0.10300169;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.4391999245)) {
          result[5] += -0.10632833;
        } else {
          result[5] += 0.03902875;
        }
      }
    }
  }
  if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.6521000862)) {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.909900665)) {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)0.99239999056)) {
        result[6] += 0.011457433;
      } else {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)3.093100071)) {
          result[6] += 0.14991705;
        } else {
          result[6] += 0.04845247;
        }
      }
    } else {
      result[6] += -0.010752363;
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.8612999916)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.9811000824)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7762000561)) {
          result[6] += -0.14682233;
        } else {
          result[6] += 0.0037611392;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.849998474)) {
          result[6] += 0.03559029;
        } else {
          result[6] += -0.0720702;
        }
      }
    } else {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.7406001091)) {
        result[6] += -0.14540775;
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1005997658)) {
          result[6] += -0.07505905;
        } else {
          result[6] += 0.06697672;
        }
      }
    }
  }
  if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5535000563)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.1978998184)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2290999889)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.029399991)) {
          result[7] += 0.05598608;
        } else {
          result[7] += -0.10331539;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)9.1900997162)) {
          result[7] += 0.10440531;
        } else {
          result[7] += -0.01654012;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5243999958)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0705000162)) {
          result[7] += -0.047583852;
        } else {
          result[7] += -0.14598356;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.842099905)) {
          result[7] += 0.044248242;
        } else {
          result[7] += -0.050786905;
        }
      }
    }
  } else {
    if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2572000027)) {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7651000023)) {
          result[7] += -0.111426674;
        } else {
          result[7] += 0.04513679;
        }
      } else {
        result[7] += -0.12541057;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)8.2816095352)) {
        result[7] += -0.13352214;
      } else {
        result[7] += 0.0005983029;
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)42.913700104)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)28.77809906)) {
        result[8] += 0.03186023;
      } else {
        result[8] += -0.12920673;
      }
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.143199921)) {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)41.242298126)) {
          result[8] += 0.021885771;
        } else {
          result[8] += 0.12501898;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.03850174)) {
          result[8] += -0.12406434;
        } else {
          result[8] += 0.081592664;
        }
      }
    }
  } else {
    if (!(data[1].missing != -1) || (data[1].fvalue < (float)47.957698822)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)45.512298584)) {
        result[8] += -0.12978655;
      } else {
        result[8] += -0.035019968;
      }
    } else {
      result[8] += 0.0775988;
    }
  }
  if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2923998833)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.5577001572)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)107.35870361)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2964000702)) {
          result[0] += 0.016012475;
        } else {
          result[0] += -0.03303364;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.874099731)) {
          result[0] += 0.10331407;
        } else {
          result[0] += -0.04054649;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9785000086)) {
        if (!(data[7].missing != -1) || (data[7].fvalue < (float)2.8705000877)) {
          result[0] += 0.048794895;
        } else {
          result[0] += -0.16087198;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9521000385)) {
          result[0] += -0.068902835;
        } else {
          result[0] += 0.02343296;
        }
      }
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.1610999107)) {
      result[0] += -0.15859145;
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.5397000313)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1993000507)) {
          result[0] += 0.10522321;
        } else {
          result[0] += -0.057286534;
        }
      } else {
        result[0] += -0.13435745;
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.4017000198)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.8008999825)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.5785000324)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3478999138)) {
          result[1] += -0.028232431;
        } else {
          result[1] += 0.12868857;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.4991002083)) {
          result[1] += -0.07329695;
        } else {
          result[1] += 0.062279705;
        }
      }
    } else {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.911598206)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5082000494)) {
          result[1] += 0.16273984;
        } else {
          result[1] += 0.03612044;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)38.675498962)) {
          result[1] += -0.10429094;
        } else {
          result[1] += 0.13357434;
        }
      }
    }
  } else {
    result[1] += -0.13373709;
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7961001396)) {
    result[2] += -0.13771471;
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)5.7095999718)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.5146000385)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)104.21820068)) {
          result[2] += -0.004877755;
        } else {
          result[2] += 0.045768026;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)13.700400352)) {
          result[2] += -0.12948805;
        } else {
          result[2] += 0.015762039;
        }
      }
    } else {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5951000452)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2943000793)) {
          result[2] += 0.2120387;
        } else {
          result[2] += 0.061164048;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.9317998886)) {
          result[2] += 0.063168794;
        } else {
          result[2] += -0.17943698;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.3118999004)) {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.8664000034)) {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)41.214801788)) {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)88.408805847)) {
          result[3] += -0.12501924;
        } else {
          result[3] += 0.13880603;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9537000656)) {
          result[3] += 0.23806046;
        } else {
          result[3] += -0.08902712;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6241999865)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.3267998695)) {
          result[3] += -0.0063750013;
        } else {
          result[3] += 0.08815972;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.815199852)) {
          result[3] += -0.111180484;
        } else {
          result[3] += -0.0010915932;
        }
      }
    }
  } else {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.9538002014)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)108.31759644)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9328000546)) {
          result[3] += 0.021026943;
        } else {
          result[3] += 0.13932341;
        }
      } else {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)5.4944000244)) {
          result[3] += -0.15175973;
        } else {
          result[3] += 0.1170615;
        }
      }
    } else {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.0852999687)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)37.223800659)) {
          result[3] += 0.21366212;
        } else {
          result[3] += -0.06475045;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.839298248)) {
          result[3] += 0.0037779817;
        } else {
          result[3] += 0.08505359;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.13675529;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.1185998917)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)43.915100098)) {
        result[4] += -0.08241484;
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.504199982)) {
          result[4] += 0.16965951;
        } else {
          result[4] += -0.0328432;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2479000092)) {
        result[4] += 0.13265021;
      } else {
        result[4] += 0.022318479;
      }
    }
  }
  if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8794000149)) {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.91740036)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.970199585)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)33.436798096)) {
          result[5] += -0.05977192;
        } else {
          result[5] += 0.08763934;
        }
      } else {
        result[5] += -0.12428625;
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)41.279201508)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.6372003555)) {
          result[5] += 0.1311273;
        } else {
          result[5] += -0.062430512;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)47.784599304)) {
          result[5] += -0.11883367;
        } else {
          result[5] += 0.091788076;
        }
      }
    }
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.081099987)) {
      if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2325999737)) {
        result[5] += -0.14248985;
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.9402000904)) {
          result[5] += 0.07091497;
        } else {
          result[5] += -0.110991396;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)92.444801331)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.1357998848)) {
          result[5] += 0.08703087;
        } else {
          result[5] += -0.10326181;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7971999645)) {
          result[5] += -0.071438536;
        } else {
          result[5] += 0.06800717;
        }
      }
    }
  }
  if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9087998867)) {
    if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.089400053)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.1437997818)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.7197999954)) {
          result[6] += -0.12591302;
        } else {
          result[6] += 0.022807991;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.402198792)) {
          result[6] += 0.09236847;
        } else {
          result[6] += -0.07489686;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.2923998833)) {
        result[6] += -0.14588194;
      } else {
        result[6] += 0.032572623;
      }
    }
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.6396000385)) {
      if ( (data[8].missing != -1) && (data[8].fvalue < (float)26.230499268)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.5577001572)) {
          result[6] += -0.12538289;
        } else {
          result[6] += 0.025813965;
        }
      } else {
        result[6] += -0.16596156;
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8609000444)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.8805000782)) {
          result[6] += 0.025542593;
        } else {
          result[6] += -0.09228925;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.2307999134)) {
          result[6] += 0.07419148;
        } else {
          result[6] += -0.1007235;
        }
      }
    }
  }
  if ( (data[17].missing != -1) && (data[17].fvalue < (float)0.94330000877)) {
    result[7] += 0.13373561;
  } else {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.9846000671)) {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8928999901)) {
        result[7] += -0.13947567;
      } else {
        result[7] += -0.022705542;
      }
    } else {
      if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)40.296001434)) {
          result[7] += 0.021841383;
        } else {
          result[7] += -0.100269176;
        }
      } else {
        result[7] += -0.1352988;
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.13326493;
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.043300629)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.736198425)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)32.588199615)) {
          result[8] += 0.07612448;
        } else {
          result[8] += -0.08580613;
        }
      } else {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.385101318)) {
          result[8] += 0.14741242;
        } else {
          result[8] += -0.029004017;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.5515999794)) {
          result[8] += -0.027023131;
        } else {
          result[8] += -0.1392162;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)48.826400757)) {
          result[8] += -0.030489715;
        } else {
          result[8] += 0.1166152;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[8].missing != -1) || (data[8].fvalue < (float)28.860900879)) {
      if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.077899933)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)5.3143000603)) {
          result[0] += 0.011125364;
        } else {
          result[0] += -0.059043996;
        }
      } else {
        if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0381000042)) {
          result[0] += -0.13046739;
        } else {
          result[0] += 0.022311948;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.8664000034)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.779201508)) {
          result[0] += 0.13445355;
        } else {
          result[0] += -0.0009172748;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.6112999916)) {
          result[0] += -0.056391325;
        } else {
          result[0] += 0.031016963;
        }
      }
    }
  } else {
    result[0] += -0.1345609;
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.9719998837)) {
    result[1] += -0.13693124;
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4342999458)) {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)8.0663995743)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.6737999916)) {
          result[1] += 0.27599508;
        } else {
          result[1] += -0.014329945;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1818000078)) {
          result[1] += -0.14240026;
        } else {
          result[1] += 0.031776052;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.4991002083)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.6095000505)) {
          result[1] += 0.017661406;
        } else {
          result[1] += -0.1139364;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.0996999741)) {
          result[1] += 0.008637912;
        } else {
          result[1] += 0.113783546;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)11.302000046)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)2.7764000893)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.2585999966)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)8.5305995941)) {
          result[2] += -0.11252742;
        } else {
          result[2] += 0.036535375;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.7554998398)) {
          result[2] += 0.02583414;
        } else {
          result[2] += -0.21915653;
        }
      }
    } else {
      if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.7948000431)) {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.7325999737)) {
          result[2] += 0.04526958;
        } else {
          result[2] += -0.15475751;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2720999718)) {
          result[2] += 0.00012896265;
        } else {
          result[2] += 0.17129968;
        }
      }
    }
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2527999878)) {
      if ( (data[19].missing != -1) && (data[19].fvalue < (float)272.78659058)) {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.1999000311)) {
          result[2] += -0.023328533;
        } else {
          result[2] += 0.14865585;
        }
      } else {
        result[2] += -0.12914595;
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0504000187)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.123600006)) {
          result[2] += 0.21147756;
        } else {
          result[2] += 0.053211074;
        }
      } else {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)29.753000259)) {
          result[2] += -0.05093331;
        } else {
          result[2] += 0.049373038;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7510999441)) {
    if ( (data[19].missing != -1) && (data[19].fvalue < (float)87.205001831)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.9210999012)) {
        result[3] += -0.10623401;
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4594999552)) {
          result[3] += 0.1889776;
        } else {
          result[3] += -0.0817692;
        }
      }
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.8276000023)) {
        if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.7835998535)) {
          result[3] += 0.14111498;
        } else {
          result[3] += -0.084606364;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)35.832000732)) {
          result[3] += -0.058325414;
        } else {
          result[3] += -0.20284875;
        }
      }
    }
  } else {
    if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2722001076)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)40.402198792)) {
          result[3] += 0.009194064;
        } else {
          result[3] += 0.0640814;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.132499695)) {
          result[3] += -0.014523001;
        } else {
          result[3] += -0.13421647;
        }
      }
    } else {
      if ( (data[9].missing != -1) && (data[9].fvalue < (float)37.071300507)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.773900032)) {
          result[3] += 0.004322909;
        } else {
          result[3] += -0.17096542;
        }
      } else {
        if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5700000525)) {
          result[3] += -0.07668357;
        } else {
          result[3] += 0.07518191;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.13475278;
  } else {
    if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.7084000111)) {
      result[4] += -0.076333724;
    } else {
      if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0413000584)) {
        result[4] += -0.056162167;
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.328799963)) {
          result[4] += -0.04173691;
        } else {
          result[4] += 0.12198411;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8496999741)) {
    if ( (data[7].missing != -1) && (data[7].fvalue < (float)7.0232100487)) {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.7176001072)) {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.2725999355)) {
          result[5] += -0.028045995;
        } else {
          result[5] += -0.13978904;
        }
      } else {
        result[5] += 0.022979878;
      }
    } else {
      result[5] += 0.029098427;
    }
  } else {
    if ( (data[4].missing != -1) && (data[4].fvalue < (float)2.7190001011)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.428901672)) {
        result[5] += -0.024384433;
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0989999771)) {
          result[5] += 0.13223045;
        } else {
          result[5] += 0.00028901797;
        }
      }
    } else {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.4916000366)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.8743000031)) {
          result[5] += -0.08345522;
        } else {
          result[5] += 0.032342713;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.9011000395)) {
          result[5] += -0.13534977;
        } else {
          result[5] += 0.036097165;
        }
      }
    }
  }
  if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.9107999802)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6676001549)) {
      if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.2129998207)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.4991002083)) {
          result[6] += 0.08086237;
        } else {
          result[6] += -0.10267275;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.2044999599)) {
          result[6] += -0.097900294;
        } else {
          result[6] += 0.045168992;
        }
      }
    } else {
      if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.90260005)) {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8194999695)) {
          result[6] += 0.03523627;
        } else {
          result[6] += -0.1254915;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.5130999088)) {
          result[6] += -0.08153374;
        } else {
          result[6] += 0.09292661;
        }
      }
    }
  } else {
    if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.9716999531)) {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9047000408)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.121999979)) {
          result[6] += -0.0671255;
        } else {
          result[6] += 0.0844538;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4330999851)) {
          result[6] += 0.010321277;
        } else {
          result[6] += -0.13772833;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.7320001125)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.9911999702)) {
          result[6] += -0.09842141;
        } else {
          result[6] += 0.08950659;
        }
      } else {
        if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.7567000389)) {
          result[6] += 0.10522308;
        } else {
          result[6] += -0.04165128;
        }
      }
    }
  }
  if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.8049000502)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.085098267)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3633000851)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.1430997849)) {
          result[7] += -0.009250351;
        } else {
          result[7] += -0.10989342;
        }
      } else {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)10.474100113)) {
          result[7] += 0.09904475;
        } else {
          result[7] += -0.096384;
        }
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.9728000164)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7409000397)) {
          result[7] += -0.079856485;
        } else {
          result[7] += 0.039702926;
        }
      } else {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.7281000614)) {
          result[7] += -0.15379518;
        } else {
          result[7] += -0.034610763;
        }
      }
    }
  } else {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.2217001915)) {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)110.21549988)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[7] += -0.043535642;
        } else {
          result[7] += 0.13108897;
        }
      } else {
        result[7] += -0.08755074;
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.5009000301)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.7999999523)) {
          result[7] += -0.06005489;
        } else {
          result[7] += 0.15322646;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.1430997849)) {
          result[7] += -0.13067274;
        } else {
          result[7] += 0.06746001;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.065199852)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4475998878)) {
      if ( (data[0].missing != -1) && (data[0].fvalue < (float)41.963100433)) {
        result[8] += -0.06088137;
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2480000257)) {
          result[8] += 0.15210989;
        } else {
          result[8] += -0.03351986;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.536300659)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)29.736999512)) {
          result[8] += 0.07419155;
        } else {
          result[8] += -0.07671464;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.360500336)) {
          result[8] += 0.1257961;
        } else {
          result[8] += -0.020930646;
        }
      }
    }
  } else {
    if (!(data[0].missing != -1) || (data[0].fvalue < (float)46.793998718)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)43.845901489)) {
        result[8] += -0.1318333;
      } else {
        result[8] += 0.02703925;
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.974300385)) {
          result[8] += 0.06574658;
        } else {
          result[8] += -0.10683249;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.2665998936)) {
          result[8] += 0.12429101;
        } else {
          result[8] += 0.0091734985;
        }
      }
    }
  }
  if (!(data[12].missing != -1) || (data[12].fvalue < (float)6.8281998634)) {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.0683000088)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.0869002342)) {
        if (!(data[10].missing != -1) || (data[10].fvalue < (float)28.77809906)) {
          result[0] += 0.059879024;
        } else {
          result[0] += -0.11031853;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.0111000538)) {
          result[0] += 0.0010080271;
        } else {
          result[0] += 0.06035258;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2107000351)) {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.257900238)) {
          result[0] += 0.060058497;
        } else {
          result[0] += -0.06750007;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2724000216)) {
          result[0] += -0.14525928;
        } else {
          result[0] += -0.030605355;
        }
      }
    }
  } else {
    result[0] += -0.13294095;
  }
  if (!(data[10].missing != -1) || (data[10].fvalue < (float)37.399200439)) {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)37.817298889)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)34.181301117)) {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)33.970298767)) {
          result[1] += 0.02619426;
        } else {
          result[1] += -0.0755781;
        }
      } else {
        if (!(data[1].missing != -1) || (data[1].fvalue < (float)39.854999542)) {
          result[1] += 0.1751678;
        } else {
          result[1] += -0.013945279;
        }
      }
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.3639999628)) {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9375)) {
          result[1] += 0.14250839;
        } else {
          result[1] += -0.109759726;
        }
      } else {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.9983000755)) {
          result[1] += -0.13433936;
        } else {
          result[1] += 0.051544085;
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.5896000862)) {
      if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.0909999609)) {
        result[1] += -0.06154873;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.8647999763)) {
          result[1] += 0.03361146;
        } else {
          result[1] += 0.16996762;
        }
      }
    } else {
      result[1] += -0.093768224;
    }
  }
  if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.2065000534)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)12.534099579)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.265599966)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)9.4483995438)) {
          result[2] += -0.0070719128;
        } else {
          result[2] += 0.047066927;
        }
      } else {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)88.710998535)) {
          result[2] += -0.16772163;
        } else {
          result[2] += -0.016317884;
        }
      }
    } else {
      if (!(data[19].missing != -1) || (data[19].fvalue < (float)83.512802124)) {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)2.7690000534)) {
          result[2] += 0.008475629;
        } else {
          result[2] += -0.1813525;
        }
      } else {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)43.240299225)) {
          result[2] += 0.12176416;
        } else {
          result[2] += -0.055909075;
        }
      }
    }
  } else {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.0296998024)) {
      result[2] += 0.1280623;
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.2671000957)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0017999411)) {
          result[2] += 0.036779307;
        } else {
          result[2] += -0.15512374;
        }
      } else {
        if ( (data[7].missing != -1) && (data[7].fvalue < (float)2.8798000813)) {
          result[2] += 0.14058529;
        } else {
          result[2] += -0.045008145;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)6.1673998833)) {
    result[3] += -0.13775569;
  } else {
    if ( (data[15].missing != -1) && (data[15].fvalue < (float)3.4749000072)) {
      result[3] += -0.13736583;
    } else {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.467599988)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2246999741)) {
          result[3] += 0.012136596;
        } else {
          result[3] += 0.116367735;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.0953998566)) {
          result[3] += -0.06651255;
        } else {
          result[3] += 0.003951716;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.13255258;
  } else {
    if (!(data[4].missing != -1) || (data[4].fvalue < (float)3.3347001076)) {
      if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.5878000259)) {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.0401000977)) {
          result[4] += -0.09424171;
        } else {
          result[4] += 0.03199146;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)2.9114999771)) {
          result[4] += -0.05304097;
        } else {
          result[4] += 0.14182743;
        }
      }
    } else {
      result[4] += 0.12767154;
    }
  }
  if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.5004999638)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.1352000237)) {
      if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.1181000471)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0911999941)) {
          result[5] += -0.030322243;
        } else {
          result[5] += 0.11824757;
        }
      } else {
        result[5] += -0.0901669;
      }
    } else {
      if ( (data[13].missing != -1) && (data[13].fvalue < (float)2.8550000191)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5836000443)) {
          result[5] += 0.06503806;
        } else {
          result[5] += -0.08377891;
        }
      } else {
        if ( (data[19].missing != -1) && (data[19].fvalue < (float)84.747901917)) {
          result[5] += -0.031325832;
        } else {
          result[5] += -0.14252248;
        }
      }
    }
  } else {
    if ( (data[9].missing != -1) && (data[9].fvalue < (float)35.249599457)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.61879921)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.475799561)) {
          result[5] += -0.08752213;
        } else {
          result[5] += 0.09847697;
        }
      } else {
        if (!(data[6].missing != -1) || (data[6].fvalue < (float)3.3633999825)) {
          result[5] += -0.15406202;
        } else {
          result[5] += -0.031048842;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)39.503799438)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)8.2708997726)) {
          result[5] += 0.14895624;
        } else {
          result[5] += -0.055120263;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)45.446498871)) {
          result[5] += -0.091957286;
        } else {
          result[5] += 0.03554236;
        }
      }
    }
  }
  if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2625999451)) {
    if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.4207999706)) {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.2666000128)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7051999569)) {
          result[6] += -0.0022401141;
        } else {
          result[6] += -0.14306872;
        }
      } else {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.2790000439)) {
          result[6] += 0.13721876;
        } else {
          result[6] += -0.08363927;
        }
      }
    } else {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.7388000488)) {
        result[6] += -0.08522309;
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.1149001122)) {
          result[6] += 0.008888197;
        } else {
          result[6] += 0.13515244;
        }
      }
    }
  } else {
    if ( (data[3].missing != -1) && (data[3].fvalue < (float)3.8821001053)) {
      if ( (data[2].missing != -1) && (data[2].fvalue < (float)1.4208999872)) {
        if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.152200222)) {
          result[6] += 0.044103134;
        } else {
          result[6] += -0.115899734;
        }
      } else {
        if (!(data[5].missing != -1) || (data[5].fvalue < (float)0.99540001154)) {
          result[6] += 0.06244662;
        } else {
          result[6] += -0.10737584;
        }
      }
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.9328999519)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)36.048400879)) {
          result[6] += 0.10017166;
        } else {
          result[6] += -0.08197505;
        }
      } else {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7678999901)) {
          result[6] += -0.08800146;
        } else {
          result[6] += 0.035319142;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.0320000648)) {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.3165001869)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.2820000648)) {
        if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.0010999441)) {
          result[7] += 0.03225792;
        } else {
          result[7] += -0.11894782;
        }
      } else {
        result[7] += 0.100802034;
      }
    } else {
      result[7] += -0.13976896;
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.6733999252)) {
      if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7130999565)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.224500656)) {
          result[7] += -0.109284736;
        } else {
          result[7] += 0.022250408;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.8347001076)) {
          result[7] += -0.026936298;
        } else {
          result[7] += 0.11628814;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.5660998821)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)3.5009000301)) {
          result[7] += 0.030974276;
        } else {
          result[7] += -0.10802262;
        }
      } else {
        if ( (data[3].missing != -1) && (data[3].fvalue < (float)4.1289000511)) {
          result[7] += 0.0901722;
        } else {
          result[7] += -0.059280682;
        }
      }
    }
  }
  if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.03219986)) {
    result[8] += -0.12891814;
  } else {
    if (!(data[9].missing != -1) || (data[9].fvalue < (float)35.838600159)) {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)138.44941711)) {
        if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.2347998619)) {
          result[8] += 0.15235436;
        } else {
          result[8] += -0.009295819;
        }
      } else {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.1251239;
        } else {
          result[8] += 0.07739176;
        }
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)44.674198151)) {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)2.7625000477)) {
          result[8] += 0.029449811;
        } else {
          result[8] += -0.1335593;
        }
      } else {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)50.839298248)) {
          result[8] += -0.015829707;
        } else {
          result[8] += 0.11277122;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.371999979)) {
    if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
      if (!(data[11].missing != -1) || (data[11].fvalue < (float)1.7857999802)) {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.0643999577)) {
          result[0] += 0.06790003;
        } else {
          result[0] += -0.034393784;
        }
      } else {
        if ( (data[1].missing != -1) && (data[1].fvalue < (float)40.996398926)) {
          result[0] += -0.03582011;
        } else {
          result[0] += 0.023437086;
        }
      }
    } else {
      result[0] += -0.13033605;
    }
  } else {
    result[0] += -0.13129756;
  }
  if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.020700455)) {
    if ( (data[1].missing != -1) && (data[1].fvalue < (float)33.951499939)) {
      result[1] += 0.04037048;
    } else {
      result[1] += -0.14797844;
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)40.916500092)) {
      if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.3319001198)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.2557001114)) {
          result[1] += 0.0036774855;
        } else {
          result[1] += 0.1778232;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)3.151900053)) {
          result[1] += -0.08447124;
        } else {
          result[1] += 0.09346982;
        }
      }
    } else {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)35.299900055)) {
        if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.7904000282)) {
          result[1] += -0.095711894;
        } else {
          result[1] += -0.005682522;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.2964000702)) {
          result[1] += -0.11765254;
        } else {
          result[1] += 0.056933835;
        }
      }
    }
  }
  if (!(data[15].missing != -1) || (data[15].fvalue < (float)5.3333997726)) {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5789999962)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)3.4749000072)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.5605000257)) {
          result[2] += 0.07037164;
        } else {
          result[2] += -0.17318237;
        }
      } else {
        if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.3503000736)) {
          result[2] += -0.034576803;
        } else {
          result[2] += 0.05736054;
        }
      }
    } else {
      if ( (data[15].missing != -1) && (data[15].fvalue < (float)4.460100174)) {
        if ( (data[5].missing != -1) && (data[5].fvalue < (float)1.0911999941)) {
          result[2] += 0.006619848;
        } else {
          result[2] += 0.100956105;
        }
      } else {
        if ( (data[8].missing != -1) && (data[8].fvalue < (float)28.188400269)) {
          result[2] += -0.08950412;
        } else {
          result[2] += 0.026022453;
        }
      }
    }
  } else {
    result[2] += -0.13815;
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.7510999441)) {
    if ( (data[8].missing != -1) && (data[8].fvalue < (float)23.480100632)) {
      if (!(data[10].missing != -1) || (data[10].fvalue < (float)33.0522995)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)32.557998657)) {
          result[3] += 0.025466366;
        } else {
          result[3] += 0.15973389;
        }
      } else {
        result[3] += -0.11577253;
      }
    } else {
      if (!(data[16].missing != -1) || (data[16].fvalue < (float)3.1171998978)) {
        if (!(data[19].missing != -1) || (data[19].fvalue < (float)99.638397217)) {
          result[3] += -0.19447748;
        } else {
          result[3] += -0.022835732;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.2910000086)) {
          result[3] += -0.10053556;
        } else {
          result[3] += 0.12014497;
        }
      }
    }
  } else {
    if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.0415999889)) {
      if (!(data[15].missing != -1) || (data[15].fvalue < (float)4.8000001907)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.4650000334)) {
          result[3] += -0.01384195;
        } else {
          result[3] += -0.12762836;
        }
      } else {
        if ( (data[15].missing != -1) && (data[15].fvalue < (float)5.0117998123)) {
          result[3] += 0.13533786;
        } else {
          result[3] += -0.032734916;
        }
      }
    } else {
      if ( (data[6].missing != -1) && (data[6].fvalue < (float)3.5109000206)) {
        if (!(data[14].missing != -1) || (data[14].fvalue < (float)1.7906999588)) {
          result[3] += 0.021824501;
        } else {
          result[3] += -0.0755229;
        }
      } else {
        if (!(data[17].missing != -1) || (data[17].fvalue < (float)1.3264000416)) {
          result[3] += -0.10536497;
        } else {
          result[3] += 0.052273456;
        }
      }
    }
  }
  if ( (data[3].missing != -1) && (data[3].fvalue < (float)5.2767000198)) {
    result[4] += -0.13017918;
  } else {
    if (!(data[3].missing != -1) || (data[3].fvalue < (float)6.0377001762)) {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9651999474)) {
        if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.8084000349)) {
          result[4] += -0.048017316;
        } else {
          result[4] += 0.12326112;
        }
      } else {
        if ( (data[4].missing != -1) && (data[4].fvalue < (float)3.2948000431)) {
          result[4] += -0.0897847;
        } else {
          result[4] += -0.019252231;
        }
      }
    } else {
      if ( (data[11].missing != -1) && (data[11].fvalue < (float)2.1970999241)) {
        result[4] += 0.12566422;
      } else {
        result[4] += 0.029783659;
      }
    }
  }
  if (!(data[2].missing != -1) || (data[2].fvalue < (float)1.7482000589)) {
    if (!(data[12].missing != -1) || (data[12].fvalue < (float)7.2294001579)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.520599365)) {
        if (!(data[0].missing != -1) || (data[0].fvalue < (float)44.312000275)) {
          result[5] += -0.0145487385;
        } else {
          result[5] += 0.13033795;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.587898254)) {
          result[5] += -0.10716698;
        } else {
          result[5] += 0.03216813;
        }
      }
    } else {
      if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.8102998734)) {
        result[5] += -0.13703601;
      } else {
        result[5] += -0.025208168;
      }
    }
  } else {
    if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.877300024)) {
      result[5] += -0.073981486;
    } else {
      if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7662000656)) {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.7717000246)) {
          result[5] += 0.057130255;
        } else {
          result[5] += -0.07839534;
        }
      } else {
        if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.2170000076)) {
          result[5] += 0.11883817;
        } else {
          result[5] += -0.03675121;
        }
      }
    }
  }
  if (!(data[13].missing != -1) || (data[13].fvalue < (float)3.1047000885)) {
    if ( (data[12].missing != -1) && (data[12].fvalue < (float)4.7038002014)) {
      result[6] += -0.13858922;
    } else {
      if (!(data[9].missing != -1) || (data[9].fvalue < (float)38.849998474)) {
        if (!(data[8].missing != -1) || (data[8].fvalue < (float)32.050201416)) {
          result[6] += 0.05185478;
        } else {
          result[6] += -0.031199325;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)2.0525000095)) {
          result[6] += -0.084321134;
        } else {
          result[6] += 0.08688026;
        }
      }
    }
  } else {
    if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.8049000502)) {
      if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.0762000084)) {
        if (!(data[16].missing != -1) || (data[16].fvalue < (float)2.7460000515)) {
          result[6] += 0.07488255;
        } else {
          result[6] += -0.032072894;
        }
      } else {
        if ( (data[16].missing != -1) && (data[16].fvalue < (float)2.7223000526)) {
          result[6] += -0.04801735;
        } else {
          result[6] += -0.14456563;
        }
      }
    } else {
      if (!(data[5].missing != -1) || (data[5].fvalue < (float)1.1805000305)) {
        if (!(data[11].missing != -1) || (data[11].fvalue < (float)2.3880000114)) {
          result[6] += -0.114002265;
        } else {
          result[6] += -0.0003785398;
        }
      } else {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.0725998878)) {
          result[6] += 0.13474648;
        } else {
          result[6] += -0.049964353;
        }
      }
    }
  }
  if ( (data[11].missing != -1) && (data[11].fvalue < (float)1.9510999918)) {
    if ( (data[19].missing != -1) && (data[19].fvalue < (float)82.604698181)) {
      result[7] += -0.031257108;
    } else {
      result[7] += -0.136498;
    }
  } else {
    if ( (data[18].missing != -1) && (data[18].fvalue < (float)4.3222999573)) {
      if ( (data[10].missing != -1) && (data[10].fvalue < (float)30.180900574)) {
        if ( (data[12].missing != -1) && (data[12].fvalue < (float)7.152200222)) {
          result[7] += -0.14716654;
        } else {
          result[7] += 0.02686252;
        }
      } else {
        if ( (data[13].missing != -1) && (data[13].fvalue < (float)3.3118999004)) {
          result[7] += 0.10988271;
        } else {
          result[7] += -0.053114973;
        }
      }
    } else {
      if ( (data[17].missing != -1) && (data[17].fvalue < (float)1.2232999802)) {
        if ( (data[9].missing != -1) && (data[9].fvalue < (float)33.436798096)) {
          result[7] += 0.120852135;
        } else {
          result[7] += -0.0149016315;
        }
      } else {
        if ( (data[14].missing != -1) && (data[14].fvalue < (float)1.9582999945)) {
          result[7] += -0.13405967;
        } else {
          result[7] += -0.02348962;
        }
      }
    }
  }
  if ( (data[12].missing != -1) && (data[12].fvalue < (float)5.065199852)) {
    if (!(data[18].missing != -1) || (data[18].fvalue < (float)4.4475998878)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)40.03219986)) {
        if ( (data[0].missing != -1) && (data[0].fvalue < (float)44.227901459)) {
          result[8] += -0.09469836;
        } else {
          result[8] += 0.05913559;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)36.710098267)) {
          result[8] += 0.16831276;
        } else {
          result[8] += -0.0067401254;
        }
      }
    } else {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)44.8022995)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)31.924999237)) {
          result[8] += 0.031007882;
        } else {
          result[8] += -0.07954933;
        }
      } else {
        if (!(data[9].missing != -1) || (data[9].fvalue < (float)39.776901245)) {
          result[8] += 0.12600307;
        } else {
          result[8] += -0.025612362;
        }
      }
    }
  } else {
    if ( (data[0].missing != -1) && (data[0].fvalue < (float)46.793998718)) {
      if (!(data[1].missing != -1) || (data[1].fvalue < (float)42.177600861)) {
        result[8] += -0.13422664;
      } else {
        result[8] += -0.041820142;
      }
    } else {
      if ( (data[1].missing != -1) && (data[1].fvalue < (float)47.957698822)) {
        if ( (data[10].missing != -1) && (data[10].fvalue < (float)34.553199768)) {
          result[8] += 0.044425372;
        } else {
          result[8] += -0.10554647;
        }
      } else {
        if (!(data[3].missing != -1) || (data[3].fvalue < (float)4.2989997864)) {
          result[8] += 0.11307204;
        } else {
          result[8] += -0.0074450057;
        }
      }
    }
  }
}

